package io.schedulr.calendarsync.nativeimage;

import com.google.api.client.util.GenericData;
import com.google.api.client.util.Key;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import io.schedulr.events.EventCodec;
import io.schedulr.kit.rest.ApiError;
import io.schedulr.testsupport.NativeRegistrationCheck;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Native-image readiness in JVM mode (issue 17): every class Jackson binds reflectively — found in the compiled
 * classes of this service, service-kit and the event contract by {@link NativeRegistrationCheck}'s rules — is
 * registered with {@code @RegisterForReflection}, and so is every Google client class whose {@code @Key} fields
 * Google's JSON/URL code reads or writes reflectively (see {@link #googleKeyBound}).
 */
class NativeRegistrationsTest {

    static NativeRegistrationCheck check() {
        NativeRegistrationCheck check = NativeRegistrationCheck.of(List.of(Path.of("target/classes"),
                        NativeRegistrationCheck.codeSource(ApiError.class), NativeRegistrationCheck.codeSource(EventCodec.class)))
                .withConfiguration(Path.of("src/main/resources/application.properties"))
                .requireResource("com/google/api/client/googleapis/google-api-client.properties",
                        "GoogleUtils reads the client version from it in its static initialiser; Calendar checks that version")
                .requireResource("com/google/api/client/http/google-http-client.properties",
                        "HttpRequest reads the http-client version from it for the User-Agent");
        googleKeyBound(check).forEach(check::requireReflection);
        return check;
    }

    @Test
    void everyClassJacksonOrGoogleBindsIsRegisteredForReflection() {
        check().assertComplete();
    }

    /**
     * Google's clients fill and read {@code GenericData} subclasses through their {@code @Key} fields by reflection
     * (JSON bodies, URL query parameters of the request classes, form bodies of the token requests). Enumerated from
     * the jars and our code: every class of the Calendar client's packages ({@code com.google.api.services.calendar}
     * and {@code .model}) and every Google class our compiled classes name; of these, each that is a
     * {@code GenericData} or has {@code @Key} fields, its {@code @Key}-bound superclasses (Quarkus registers no
     * hierarchy by default), the types of its {@code @Key} fields, and the {@code @Key}-bound types returned by the
     * public methods of everything visited (e.g. {@code TokenResponseException.getDetails()}).
     */
    static Map<String, String> googleKeyBound(NativeRegistrationCheck check) {
        Map<String, String> found = new TreeMap<>();
        Deque<Class<?>> work = new ArrayDeque<>();
        Map<String, String> seeds = new TreeMap<>();
        NativeRegistrationCheck.classesInPackage(Event.class, "com.google.api.services.calendar.model")
                .forEach(n -> seeds.put(n, "Google Calendar model class, bound through @Key fields"));
        NativeRegistrationCheck.classesInPackage(Calendar.class, "com.google.api.services.calendar")
                .forEach(n -> seeds.put(n, "Google Calendar request class: its @Key fields become URL parameters"));
        check.referencedClasses("com.google.api.")
                .forEach(n -> seeds.putIfAbsent(n, "Google client class our code uses, bound through @Key fields"));
        java.util.Set<Class<?>> visited = new java.util.HashSet<>();
        seeds.forEach((name, why) -> {
            Class<?> c = load(name);
            if (c != null) {
                visit(c, why, found, work, visited);
            }
        });
        while (!work.isEmpty()) {
            Class<?> c = work.pop();
            String why = "reached from " + c.getName();
            try {
                for (Class<?> s = c.getSuperclass(); s != null && keyBound(s); s = s.getSuperclass()) {
                    visit(s, "superclass of " + c.getName() + " (its @Key fields are read too)", found, work, visited);
                }
                for (Field f : c.getDeclaredFields()) {
                    if (f.isAnnotationPresent(Key.class)) {
                        visitType(f.getGenericType(), "type of @Key field " + c.getSimpleName() + "." + f.getName(), found, work, visited);
                    }
                }
                for (Method m : c.getMethods()) {
                    if (Modifier.isPublic(m.getModifiers()) && m.getDeclaringClass().getName().startsWith("com.google.")) {
                        visitType(m.getGenericReturnType(), "returned by " + c.getSimpleName() + "." + m.getName() + "()", found, work, visited);
                    }
                }
            } catch (LinkageError e) {
                // a member type from an optional dependency we do not have (and so cannot use)
            }
        }
        return found;
    }

    private static void visit(Class<?> c, String why, Map<String, String> found, Deque<Class<?>> work, java.util.Set<Class<?>> visited) {
        if (!c.getName().startsWith("com.google.") || !visited.add(c)) {
            return;
        }
        if (keyBound(c)) {
            found.putIfAbsent(c.getName(), why);
        }
        work.push(c);
    }

    private static void visitType(Type type, String why, Map<String, String> found, Deque<Class<?>> work, java.util.Set<Class<?>> visited) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                visitType(c.getComponentType(), why, found, work, visited);
            } else if (keyBound(c)) {
                visit(c, why, found, work, visited);
            }
        } else if (type instanceof ParameterizedType p) {
            visitType(p.getRawType(), why, found, work, visited);
            for (Type argument : p.getActualTypeArguments()) {
                visitType(argument, why, found, work, visited);
            }
        } else if (type instanceof GenericArrayType a) {
            visitType(a.getGenericComponentType(), why, found, work, visited);
        }
    }

    private static boolean keyBound(Class<?> c) {
        if (!c.getName().startsWith("com.google.")) {
            return false;
        }
        if (GenericData.class.isAssignableFrom(c)) {
            return true;
        }
        try {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Key.class)) {
                    return true;
                }
            }
        } catch (LinkageError e) {
            return false;
        }
        return false;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NativeRegistrationsTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
