package io.schedulr.testsupport;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.MethodParameterInfo;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * JVM-mode check of what a native executable needs registered (issue 17): no GraalVM runs here, so the registrations
 * are checked against what the code says.
 *
 * <p>The classes Jackson binds reflectively are <em>enumerated from the compiled code</em> (Jandex index of the given
 * code sources, e.g. a service's {@code target/classes}, service-kit and event-contract), never from a hand list:
 * <ul>
 *   <li>every record and enum in an {@code adapter} package (REST bodies, webhook payloads, provider-client DTOs),
 *       and every record and enum of the event contract ({@code io.schedulr.events}: the Kafka payloads);</li>
 *   <li>every class carrying a Jackson annotation (on the class, a field, a method, a parameter or a record
 *       component);</li>
 *   <li>the parameter and return types (with their type arguments) of JAX-RS resource methods and REST-client
 *       interfaces;</li>
 *   <li>the type arguments of {@code TypeReference} subclasses;</li>
 *   <li>every record or enum named as a class constant by a class that uses {@code ObjectMapper},
 *       {@code ObjectReader} or {@code ObjectWriter} by hand (e.g. {@code json.readValue(text, BookingChange.class)});</li>
 *   <li>then, recursively, the types of the record components (and of the fields of annotated classes) of all of
 *       these, with their type arguments.</li>
 * </ul>
 * Only our own classes ({@code io.schedulr.}) are collected. Library classes a service needs registered (Google's
 * {@code @Key} models, ical4j's service providers) are added with {@link #requireReflection}, enumerated from their
 * jars by the caller.
 *
 * <p>"Registered" means: annotated {@code @RegisterForReflection} without targets, or named in {@code targets} /
 * {@code classNames} of a {@code @RegisterForReflection} in one of the indexed code sources; a nested class counts
 * as registered when its enclosing class is registered with {@code ignoreNested = false} (Quarkus registers the
 * declared classes then).
 */
public final class NativeRegistrationCheck {
    public static final String OWN_PACKAGES = "io.schedulr.";
    private static final DotName REGISTER_FOR_REFLECTION = DotName.createSimple("io.quarkus.runtime.annotations.RegisterForReflection");
    private static final DotName TYPE_REFERENCE = DotName.createSimple("com.fasterxml.jackson.core.type.TypeReference");
    private static final DotName REGISTER_REST_CLIENT = DotName.createSimple("org.eclipse.microprofile.rest.client.inject.RegisterRestClient");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
            .stream().map(m -> "jakarta.ws.rs." + m).collect(java.util.stream.Collectors.toSet());
    private static final Set<String> HAND_JSON = Set.of("com/fasterxml/jackson/databind/ObjectMapper",
            "com/fasterxml/jackson/databind/ObjectReader", "com/fasterxml/jackson/databind/ObjectWriter");
    private static final String CONTRACT_PACKAGE = "io.schedulr.events";

    private final Index index;
    private final Map<String, byte[]> bytecode;
    private final Map<String, String> allowed = new TreeMap<>();
    private final Map<String, String> required = new TreeMap<>();
    private final Map<String, String> requiredResources = new TreeMap<>();
    private final List<String> resourceIncludes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private NativeRegistrationCheck(Index index, Map<String, byte[]> bytecode) {
        this.index = index;
        this.bytecode = bytecode;
    }

    /** Indexes the code sources (directories or jars) that hold the given classes, e.g. {@code Foo.class, EventCodec.class}. */
    public static NativeRegistrationCheck of(Class<?>... membersOfCodeSources) {
        List<Path> sources = new ArrayList<>();
        for (Class<?> member : membersOfCodeSources) {
            Path source = codeSource(member);
            if (!sources.contains(source)) {
                sources.add(source);
            }
        }
        return of(sources);
    }

    public static NativeRegistrationCheck of(List<Path> codeSources) {
        Indexer indexer = new Indexer();
        Map<String, byte[]> bytecode = new HashMap<>();
        for (Path source : codeSources) {
            forEachClassFile(source, (name, bytes) -> {
                try {
                    indexer.index(new ByteArrayInputStream(bytes));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                bytecode.put(name, bytes);
            });
        }
        return new NativeRegistrationCheck(indexer.complete(), bytecode);
    }

    /** Where a class was loaded from: a directory such as {@code target/classes} or a jar. */
    public static Path codeSource(Class<?> member) {
        try {
            return Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names of all classes (nested ones included) directly in {@code packageName} of the code source holding {@code member}. */
    public static Set<String> classesInPackage(Class<?> member, String packageName) {
        Set<String> names = new TreeSet<>();
        String prefix = packageName.replace('.', '/') + "/";
        forEachClassEntry(codeSource(member), entry -> {
            if (entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0 && !entry.endsWith("package-info.class")
                    && !entry.endsWith("module-info.class")) {
                names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
            }
        });
        return names;
    }

    /** Entry names of the code source holding {@code member} that start with {@code prefix} (e.g. {@code META-INF/services/net.fortuna}). */
    public static Set<String> resourcesUnder(Class<?> member, String prefix) {
        Set<String> names = new TreeSet<>();
        Path source = codeSource(member);
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                files.filter(Files::isRegularFile).map(f -> source.relativize(f).toString().replace('\\', '/'))
                        .filter(n -> n.startsWith(prefix)).forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            try (JarFile jar = new JarFile(source.toFile())) {
                jar.stream().map(JarEntry::getName).filter(n -> n.startsWith(prefix) && !n.endsWith("/")).forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** A class that Jackson never binds although the rules above find it; the reason is part of the code review. */
    public NativeRegistrationCheck allow(String className, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an allowlist entry needs a reason: " + className);
        }
        allowed.put(className, reason);
        return this;
    }

    /** A class (usually a library's) that must be registered for reflection; {@code why} appears in the failure. */
    public NativeRegistrationCheck requireReflection(String className, String why) {
        required.putIfAbsent(className, why);
        return this;
    }

    /** A resource the native executable must carry, matched against {@code quarkus.native.resources.includes}. */
    public NativeRegistrationCheck requireResource(String path, String why) {
        requiredResources.putIfAbsent(path, why);
        return this;
    }

    /**
     * Reads {@code quarkus.native.resources.includes} from the given application.properties, and requires every
     * class named by a Kafka {@code (key|value).(de)serializer} property that is not one of Kafka's own (which the
     * Quarkus Kafka extension registers) to be registered.
     */
    public NativeRegistrationCheck withConfiguration(Path applicationProperties) {
        Properties properties = load(applicationProperties);
        String includes = properties.getProperty("quarkus.native.resources.includes", "");
        for (String glob : includes.split(",")) {
            if (!glob.isBlank()) {
                resourceIncludes.add(glob.trim());
            }
        }
        for (String key : properties.stringPropertyNames()) {
            if (key.endsWith("serializer") || key.endsWith("deserializer")) {
                String value = properties.getProperty(key).trim();
                if (!value.startsWith("org.apache.kafka.") && !value.startsWith("io.quarkus.") && !value.startsWith("${")) {
                    requireReflection(value, "named by " + key + " in " + applicationProperties.getFileName()
                            + " and instantiated reflectively by the Kafka client");
                }
            }
        }
        return this;
    }

    /**
     * Every provider a library lists in its {@code META-INF/services/<servicePrefix>*} files must be registered for
     * reflection and every such file included as a resource: Quarkus builds with GraalVM's automatic ServiceLoader
     * registration turned off ({@code quarkus.native.auto-service-loader-registration=false}, the default), so
     * {@code ServiceLoader} finds at run time only what was registered.
     */
    public NativeRegistrationCheck requireServiceProviders(Class<?> memberOfLibrary, String servicePrefix) {
        Path source = codeSource(memberOfLibrary);
        String prefix = "META-INF/services/" + servicePrefix;
        for (String file : resourcesUnder(memberOfLibrary, prefix)) {
            String service = file.substring("META-INF/services/".length());
            requireResource(file, "ServiceLoader file of " + service);
            for (String line : read(source, file).split("\\R")) {
                String provider = line.replaceAll("#.*", "").trim();
                if (!provider.isEmpty()) {
                    requireReflection(provider, "ServiceLoader provider of " + service);
                }
            }
        }
        return this;
    }

    /** Every value of a properties file (e.g. ical4j.properties) that is a class name is instantiated reflectively. */
    public NativeRegistrationCheck requireClassesNamedIn(Path propertiesFile) {
        Properties properties = load(propertiesFile);
        Pattern className = Pattern.compile("([a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            if (className.matcher(value).matches()) {
                requireReflection(value, "named by " + key + " in " + propertiesFile.getFileName());
            }
        }
        return this;
    }

    private static String read(Path source, String entry) {
        try {
            if (Files.isDirectory(source)) {
                return Files.readString(source.resolve(entry));
            }
            try (JarFile jar = new JarFile(source.toFile()); InputStream in = jar.getInputStream(jar.getEntry(entry))) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Library classes (names starting with {@code prefix}) our own indexed classes name as class constants. */
    public Set<String> referencedClasses(String prefix) {
        Set<String> names = new TreeSet<>();
        bytecode.forEach((name, bytes) -> {
            if (name.startsWith(OWN_PACKAGES)) {
                for (String constant : classConstants(bytes)) {
                    String other = constant == null ? "" : constant.replace('/', '.');
                    if (other.startsWith(prefix)) {
                        names.add(other);
                    }
                }
            }
        });
        return names;
    }

    /** The classes the rules find, each with the first reason found. */
    public Map<String, String> jacksonBound() {
        Map<String, String> found = new LinkedHashMap<>();
        Deque<String> work = new ArrayDeque<>();
        for (ClassInfo c : index.getKnownClasses()) {
            String name = c.name().toString();
            if (!name.startsWith(OWN_PACKAGES)) {
                continue;
            }
            String pkg = c.name().packagePrefix() == null ? "" : c.name().packagePrefix().toString();
            if ((c.isRecord() || c.isEnum()) && pkg.contains(".adapter.")) {
                add(found, work, name, (c.isRecord() ? "record" : "enum") + " in an adapter package");
            }
            if ((c.isRecord() || c.isEnum()) && (pkg.equals(CONTRACT_PACKAGE))) {
                add(found, work, name, "event-contract " + (c.isRecord() ? "record" : "enum") + " (Kafka payload)");
            }
            if (hasJacksonAnnotation(c)) {
                add(found, work, name, "carries Jackson annotations");
            }
            if (TYPE_REFERENCE.equals(c.superName()) && c.superClassType().kind() == Type.Kind.PARAMETERIZED_TYPE) {
                for (Type argument : c.superClassType().asParameterizedType().arguments()) {
                    addTypes(found, work, argument, "type argument of a TypeReference in " + outerName(name));
                }
            }
            boolean restClient = c.isInterface() && c.declaredAnnotation(REGISTER_REST_CLIENT) != null;
            for (MethodInfo m : c.methods()) {
                boolean resourceMethod = m.annotations().stream().anyMatch(a -> a.target().kind() == AnnotationTarget.Kind.METHOD
                        && HTTP_METHODS.contains(a.name().toString()));
                if (resourceMethod || (restClient && !m.isStaticInitializer() && !m.isConstructor())) {
                    String where = (restClient ? "REST client method " : "resource method ") + c.simpleName() + "." + m.name();
                    addTypes(found, work, m.returnType(), "returned by " + where);
                    for (Type p : m.parameterTypes()) {
                        addTypes(found, work, p, "parameter of " + where);
                    }
                }
            }
            byte[] bytes = bytecode.get(name);
            if (bytes != null) {
                Set<String> constants = classConstants(bytes);
                if (constants.stream().anyMatch(HAND_JSON::contains)) {
                    for (String constant : constants) {
                        String other = constant.replace('/', '.');
                        ClassInfo target = index.getClassByName(DotName.createSimple(other));
                        if (target != null && (target.isRecord() || target.isEnum()) && other.startsWith(OWN_PACKAGES)) {
                            add(found, work, other, "named by " + c.simpleName() + ", which reads or writes JSON with an ObjectMapper by hand");
                        }
                    }
                }
            }
        }
        // Recursively: what the found classes are made of.
        while (!work.isEmpty()) {
            ClassInfo c = index.getClassByName(DotName.createSimple(work.pop()));
            if (c == null) {
                continue;
            }
            String why = "part of " + c.name();
            if (c.isRecord()) {
                for (RecordComponentInfo component : c.recordComponents()) {
                    addTypes(found, work, component.type(), why);
                }
            } else if (!c.isEnum()) {
                for (FieldInfo field : c.fields()) {
                    if (!java.lang.reflect.Modifier.isStatic(field.flags())) {
                        addTypes(found, work, field.type(), why);
                    }
                }
            }
        }
        return found;
    }

    /** Classes registered for reflection by the indexed code sources; entries ending in {@code $} cover nested classes. */
    public Set<String> registered() {
        Set<String> registered = new TreeSet<>();
        for (AnnotationInstance a : index.getAnnotations(REGISTER_FOR_REFLECTION)) {
            if (a.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            boolean nested = a.value("ignoreNested") == null || !a.value("ignoreNested").asBoolean();
            List<String> names = new ArrayList<>();
            AnnotationValue targets = a.value("targets");
            if (targets != null) {
                for (Type t : targets.asClassArray()) {
                    names.add(t.name().toString());
                }
            }
            AnnotationValue classNames = a.value("classNames");
            if (classNames != null) {
                names.addAll(List.of(classNames.asStringArray()));
            }
            if (names.isEmpty()) {
                names.add(a.target().asClass().name().toString());
            }
            for (String n : names) {
                registered.add(n);
                if (nested) {
                    registered.add(n + "$");
                }
            }
        }
        return registered;
    }

    /** One line per missing registration or resource; empty when the native executable has what it needs. */
    public List<String> problems() {
        List<String> result = new ArrayList<>(problems);
        Set<String> registered = registered();
        Map<String, String> needed = new TreeMap<>(jacksonBound());
        required.forEach(needed::putIfAbsent);
        needed.forEach((name, why) -> {
            if (!allowed.containsKey(name) && !isRegistered(registered, name)) {
                result.add(name + " is not registered for reflection (" + why + ")");
            }
        });
        List<Pattern> includes = resourceIncludes.stream().map(NativeRegistrationCheck::globToRegex).toList();
        requiredResources.forEach((path, why) -> {
            if (includes.stream().noneMatch(p -> p.matcher(path).matches())) {
                result.add("resource " + path + " is not in quarkus.native.resources.includes (" + why + ")");
            }
        });
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        registered.stream().filter(name -> !name.endsWith("$")).forEach(name -> {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                result.add("@RegisterForReflection names " + name + ", which is not on the class path (a typo, or a class that went away)");
            }
        });
        allowed.keySet().stream().filter(name -> !needed.containsKey(name))
                .forEach(name -> result.add("allowlist entry " + name + " is stale: no rule finds it any more"));
        return result;
    }

    /** Fails naming every class and resource a native executable would miss. */
    public void assertComplete() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " native-image registration(s) missing:\n  " + String.join("\n  ", problems));
        }
    }

    static boolean isRegistered(Set<String> registered, String name) {
        if (registered.contains(name)) {
            return true;
        }
        for (int i = name.lastIndexOf('$'); i > 0; i = name.lastIndexOf('$', i - 1)) {
            if (registered.contains(name.substring(0, i) + "$")) {
                return true;
            }
        }
        return false;
    }

    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            if (ch == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (ch == '*') {
                regex.append("[^/]*");
            } else if (ch == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private void add(Map<String, String> found, Deque<String> work, String name, String why) {
        if (found.putIfAbsent(name, why) == null) {
            work.push(name);
        }
    }

    private void addTypes(Map<String, String> found, Deque<String> work, Type type, String why) {
        if (type == null) {
            return;
        }
        switch (type.kind()) {
            case CLASS -> {
                String name = type.name().toString();
                if (name.startsWith(OWN_PACKAGES) && index.getClassByName(type.name()) != null) {
                    add(found, work, name, why);
                }
            }
            case PARAMETERIZED_TYPE -> {
                addTypes(found, work, Type.create(type.name(), Type.Kind.CLASS), why);
                for (Type argument : type.asParameterizedType().arguments()) {
                    addTypes(found, work, argument, why);
                }
            }
            case ARRAY -> addTypes(found, work, type.asArrayType().elementType(), why);
            case WILDCARD_TYPE -> {
                Type bound = type.asWildcardType().extendsBound();
                addTypes(found, work, bound == null ? type.asWildcardType().superBound() : bound, why);
            }
            default -> {
            }
        }
    }

    private static boolean hasJacksonAnnotation(ClassInfo c) {
        return c.annotations().stream().anyMatch(a -> {
            String n = a.name().toString();
            return (n.startsWith("com.fasterxml.jackson.annotation.") || n.startsWith("com.fasterxml.jackson.databind.annotation."))
                    && !(a.target().kind() == AnnotationTarget.Kind.METHOD_PARAMETER && isNotOwnedBy(c, a.target().asMethodParameter()));
        });
    }

    private static boolean isNotOwnedBy(ClassInfo c, MethodParameterInfo p) {
        return !p.method().declaringClass().name().equals(c.name());
    }

    private static String outerName(String name) {
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private interface ClassFileConsumer {
        void accept(String className, byte[] bytes);
    }

    private static void forEachClassEntry(Path source, java.util.function.Consumer<String> entries) {
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> entries.accept(source.relativize(f).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            try (JarFile jar = new JarFile(source.toFile())) {
                jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).forEach(entries);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void forEachClassFile(Path source, ClassFileConsumer consumer) {
        try {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                        String entry = source.relativize(f).toString().replace('\\', '/');
                        if (!entry.endsWith("module-info.class")) {
                            consumer.accept(className(entry), Files.readAllBytes(f));
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                        if (e.getName().endsWith(".class") && !e.getName().endsWith("module-info.class")
                                && !e.getName().startsWith("META-INF/")) {
                            try (InputStream in = jar.getInputStream(e)) {
                                consumer.accept(className(e.getName()), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String className(String entry) {
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }

    /** The internal names of the CONSTANT_Class entries of a class file (JVMS 4.4). */
    static Set<String> classConstants(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> classIndexes = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classIndexes.add(in.readUnsignedShort());
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IllegalStateException("unknown constant pool tag " + tag);
                }
            }
            Set<String> names = new TreeSet<>();
            for (int index : classIndexes) {
                String name = utf8[index];
                while (name != null && name.startsWith("[")) {
                    name = name.substring(1);
                }
                if (name != null && name.startsWith("L") && name.endsWith(";")) {
                    name = name.substring(1, name.length() - 1);
                }
                names.add(name);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
