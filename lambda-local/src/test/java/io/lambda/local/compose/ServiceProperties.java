package io.lambda.local.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;
import org.yaml.snakeyaml.Yaml;

/**
 * What one service module declares, read from its classes on this test's classpath (the service jars lambda-local
 * depends on): its {@code @ConfigurationProperties} types with their prefixes (found as Spring would register them:
 * {@code @ConfigurationPropertiesScan} packages, {@code @EnableConfigurationProperties} and {@code @Bean} methods in
 * the service's packages) and its {@code application.yml}.
 *
 * @param module      the Maven module, e.g. {@code ingest-service}
 * @param application its {@code @SpringBootApplication} class
 * @param properties  prefix to property tree of every properties type it registers
 * @param applicationYml its {@code application.yml} (the documents without {@code spring.config.activate})
 */
record ServiceProperties(String module, Class<?> application, Map<String, List<PropertyTree>> properties,
        Map<String, Object> applicationYml) {

    private static final String ROOT_PACKAGE = "io.lambda";

    /** Every {@code @SpringBootApplication} under {@code io.lambda} on the classpath, by the module it comes from. */
    static Map<String, Class<?>> applicationsByModule() {
        Map<String, Class<?>> applications = new LinkedHashMap<>();
        for (Class<?> type : scan(ROOT_PACKAGE, new AnnotationTypeFilter(SpringBootApplication.class))) {
            moduleOf(type).ifPresent(module -> applications.put(module, type));
        }
        return applications;
    }

    /** Reads the module's declarations. */
    static ServiceProperties of(String module, Class<?> application) {
        Set<String> packages = new LinkedHashSet<>();
        MergedAnnotations annotations = MergedAnnotations.from(application);
        annotations.stream(ConfigurationPropertiesScan.class).forEach(scan -> {
            packages.addAll(List.of(scan.getStringArray("basePackages")));
            for (Class<?> marker : scan.getClassArray("basePackageClasses")) {
                packages.add(marker.getPackageName());
            }
            if (packages.isEmpty()) {
                packages.add(application.getPackageName());
            }
        });
        Set<Class<?>> types = new LinkedHashSet<>();
        Map<String, List<PropertyTree>> properties = new LinkedHashMap<>();
        for (String scanned : packages) {
            types.addAll(annotated(scanned));
        }
        for (Class<?> type : allClasses(application.getPackageName())) {
            MergedAnnotations.from(type).stream(EnableConfigurationProperties.class)
                    .forEach(enable -> types.addAll(List.of(enable.getClassArray("value"))));
            for (Method method : type.getDeclaredMethods()) {
                ConfigurationProperties onBean = method.getAnnotation(ConfigurationProperties.class);
                if (onBean != null && method.isAnnotationPresent(Bean.class)) {
                    add(properties, prefix(onBean), ResolvableType.forMethodReturnType(method));
                }
            }
        }
        for (Class<?> type : types) {
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            if (annotation != null) {
                add(properties, prefix(annotation), ResolvableType.forClass(type));
            }
        }
        return new ServiceProperties(module, application, properties, applicationYml(application));
    }

    /**
     * The canonical names of this service's own properties that the environment variable {@code variable} binds to;
     * empty when it binds to none.
     */
    List<String> bind(String variable) {
        List<String> tokens = List.of(variable.toUpperCase(Locale.ROOT).split("_"));
        List<String> found = new ArrayList<>();
        properties.forEach((prefix, trees) -> {
            List<Integer> starts = List.of(0);
            String[] elements = prefix.split("\\.");
            for (String element : elements) {
                starts = starts.stream().flatMap(start -> PropertyTree.elementEnds(element, tokens, start).stream()).toList();
            }
            for (int start : starts) {
                for (PropertyTree tree : trees) {
                    found.addAll(tree.match(tokens, start, prefix));
                }
            }
        });
        return found;
    }

    /** A value of {@code application.yml} by its dotted path, e.g. {@code management.server.port}. */
    Optional<Object> applicationValue(String path) {
        Object current = applicationYml;
        for (String element : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(element)) {
                return Optional.empty();
            }
            current = map.get(element);
        }
        return Optional.ofNullable(current);
    }

    private static void add(Map<String, List<PropertyTree>> properties, String prefix, ResolvableType type) {
        properties.computeIfAbsent(prefix, p -> new ArrayList<>()).add(PropertyTree.of(type));
    }

    private static String prefix(ConfigurationProperties annotation) {
        return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
    }

    private static List<Class<?>> annotated(String basePackage) {
        return scan(basePackage, new AnnotationTypeFilter(ConfigurationProperties.class));
    }

    private static List<Class<?>> allClasses(String basePackage) {
        return scan(basePackage, (reader, factory) -> true);
    }

    /**
     * Top-level and static nested classes under {@code basePackage} matching {@code filter}. Unlike a plain
     * component scan, {@code @Conditional}s are not evaluated: a configuration present only with, say,
     * {@code lambda.archive.enabled=true} still counts.
     */
    private static List<Class<?>> scan(String basePackage, TypeFilter filter) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(MetadataReader reader) throws IOException {
                return filter.match(reader, getMetadataReaderFactory());
            }

            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        return scanner.findCandidateComponents(basePackage).stream().<Class<?>>map(c -> load(c.getBeanClassName())).toList();
    }

    private static Class<?> load(@Nullable String name) {
        try {
            return ClassUtils.forName(String.valueOf(name), ServiceProperties.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load " + name + " from lambda-local's test classpath: " + e, e);
        }
    }

    /** {@code ingest-service} for a class from {@code ingest-service-0.1.0-SNAPSHOT.jar} or {@code ingest-service/target/classes}. */
    static Optional<String> moduleOf(Class<?> type) {
        Path location = location(type);
        String fileName = location.getFileName().toString();
        if (fileName.endsWith(".jar")) {
            int version = fileName.indexOf("-0.");
            return Optional.of(version > 0 ? fileName.substring(0, version) : fileName.replaceFirst("\\.jar$", ""));
        }
        // .../<module>/target/classes
        Path target = location.getParent();
        return target != null && target.getParent() != null
                ? Optional.of(target.getParent().getFileName().toString()) : Optional.empty();
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> applicationYml(Class<?> application) {
        Path location = location(application);
        try {
            if (Files.isDirectory(location)) {
                Path file = location.resolve("application.yml");
                return Files.exists(file) ? applicationDocuments(Files.newInputStream(file)) : Map.of();
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                ZipEntry entry = jar.getEntry("application.yml");
                return entry == null ? Map.of() : applicationDocuments(jar.getInputStream(entry));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading application.yml of " + application, e);
        }
    }

    /** The documents of {@code application.yml} that apply without a profile, merged. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> applicationDocuments(InputStream in) throws IOException {
        try (in) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Object document : new Yaml().loadAll(in)) {
                if (document instanceof Map<?, ?> map && !hasActivation((Map<String, Object>) map)) {
                    merged = ComposeProject.deepMerge(merged, (Map<String, Object>) map);
                }
            }
            return merged;
        }
    }

    private static boolean hasActivation(Map<String, Object> document) {
        Object spring = document.get("spring");
        return spring instanceof Map<?, ?> map && map.get("config") instanceof Map<?, ?> config
                && config.containsKey("activate");
    }
}
