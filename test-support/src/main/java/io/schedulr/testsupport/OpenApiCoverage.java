package io.schedulr.testsupport;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a service's OpenAPI document ({@code /q/openapi?format=json}) describes every route the service serves.
 * The routes are read from the compiled JAX-RS resource classes of the given packages (production classes only; the
 * REST client interfaces of outbound adapters are not resources), by annotation name, so this needs neither JAX-RS nor
 * Quarkus on its own classpath: {@code @Path} on the class and the method, one of the HTTP method annotations, and
 * whether the route needs a signed-in caller ({@code @Authenticated}, {@code @RolesAllowed} or
 * {@code @PermissionsAllowed}; a method's own {@code @PermitAll} or security annotation wins over the class's).
 */
public final class OpenApiCoverage {
    private static final String PATH = "jakarta.ws.rs.Path";
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final List<String> SIGNED_IN = List.of(
            "io.quarkus.security.Authenticated", "jakarta.annotation.security.RolesAllowed", "io.quarkus.security.PermissionsAllowed");
    private static final String PERMIT_ALL = "jakarta.annotation.security.PermitAll";

    /** One route: upper-case HTTP method, path template as OpenAPI writes it, and where it is declared. */
    public record Route(String method, String path, boolean signedIn, String declaredBy) {
        @Override
        public String toString() {
            return method + " " + path + (signedIn ? " (signed in)" : " (public)") + " — " + declaredBy;
        }
    }

    private OpenApiCoverage() {
    }

    /** Every route of the resource classes in these packages and their subpackages. */
    public static List<Route> routes(String... packages) {
        return routesOf(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packages));
    }

    static List<Route> routesOf(JavaClasses classes) {
        List<Route> routes = new ArrayList<>();
        for (JavaClass resource : classes) {
            Optional<String> classPath = pathOf(resource.tryGetAnnotationOfType(PATH));
            if (classPath.isEmpty() || resource.isInterface() || resource.getModifiers().contains(JavaModifier.ABSTRACT)) {
                continue;
            }
            Boolean classSignedIn = signedIn(resource.getAnnotations());
            for (JavaMethod method : resource.getMethods()) {
                Optional<String> httpMethod = HTTP_METHODS.stream()
                        .filter(name -> method.isAnnotatedWith("jakarta.ws.rs." + name)).findFirst();
                if (httpMethod.isEmpty()) {
                    continue; // not a resource method (sub-resource locators are not used here)
                }
                String path = join(classPath.get(), pathOf(method.tryGetAnnotationOfType(PATH)).orElse(""));
                Boolean methodSignedIn = signedIn(method.getAnnotations());
                boolean needsSignIn = methodSignedIn != null ? methodSignedIn : Boolean.TRUE.equals(classSignedIn);
                routes.add(new Route(httpMethod.get(), path, needsSignIn, resource.getSimpleName() + "." + method.getName()));
            }
        }
        routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
        return routes;
    }

    /**
     * What the document gets wrong about these routes, one line each; empty when nothing. A route is missing when its
     * path or its method is not in {@code paths}; a signed-in route must require the bearer scheme {@code schemeName}
     * (an HTTP bearer scheme in {@code components.securitySchemes}), a public one must not.
     */
    public static List<String> problems(String openApiJson, String schemeName, List<Route> routes) {
        Map<String, Object> document;
        try {
            document = JsonUtil.parseJson(openApiJson);
        } catch (JoseException e) {
            return List.of("the document is not JSON: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> scheme = object(object(object(document.get("components")).get("securitySchemes")).get(schemeName));
        if (!"http".equals(scheme.get("type")) || !"bearer".equalsIgnoreCase(String.valueOf(scheme.get("scheme")))) {
            problems.add("no HTTP bearer security scheme named " + schemeName + " in components.securitySchemes: " + scheme);
        }
        Map<String, Object> paths = object(document.get("paths"));
        for (Route route : routes) {
            Object described = object(paths.get(route.path())).get(route.method().toLowerCase(Locale.ROOT));
            Map<String, Object> operation = object(described);
            if (!(described instanceof Map)) {
                problems.add("missing from the document: " + route);
                continue;
            }
            Object security = operation.containsKey("security") ? operation.get("security") : document.get("security");
            boolean requiresScheme = security instanceof List<?> requirements
                    && requirements.stream().anyMatch(r -> object(r).containsKey(schemeName));
            if (route.signedIn() && !requiresScheme) {
                problems.add("signed-in route without the " + schemeName + " requirement: " + route);
            } else if (!route.signedIn() && requiresScheme) {
                problems.add("public route described as needing a " + schemeName + " token: " + route);
            }
        }
        return problems;
    }

    /** {@code true} signed in, {@code false} explicitly public, {@code null} not said here. */
    private static Boolean signedIn(Iterable<? extends JavaAnnotation<?>> annotations) {
        for (JavaAnnotation<?> annotation : annotations) {
            String name = annotation.getRawType().getName();
            if (PERMIT_ALL.equals(name)) {
                return false;
            }
            if (SIGNED_IN.contains(name)) {
                return true;
            }
        }
        return null;
    }

    private static Optional<String> pathOf(Optional<? extends JavaAnnotation<?>> path) {
        return path.flatMap(p -> p.get("value")).map(String::valueOf);
    }

    /** Class and method paths joined as JAX-RS does, with {@code {name: regex}} written as OpenAPI's {@code {name}}. */
    static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return joined.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
