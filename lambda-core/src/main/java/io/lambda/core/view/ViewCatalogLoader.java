package io.lambda.core.view;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the {@link ViewCatalog} from {@code views.yml} (format: DESIGN.md section 6). Every problem in the
 * file is collected and reported together in one {@link ViewDefinitionException}, each message naming the
 * view and the field. Unknown keys are errors, so a typo never silently changes a view.
 *
 * <p>Metrics are a map {@code name: kind} or {@code name: kind(field)} and keep the order written.
 */
public final class ViewCatalogLoader {

    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";

    private ViewCatalogLoader() {
    }

    /** Loads from {@code lambda.views.location}. */
    public static ViewCatalog load(ViewsProperties properties) {
        return load(properties.location());
    }

    /**
     * Loads from a location: {@code classpath:views.yml}, {@code file:/etc/lambda/views.yml} or a plain path.
     *
     * @throws ViewDefinitionException when the location can't be read or the definitions are invalid
     */
    public static ViewCatalog load(String location) {
        return parse(read(location), location);
    }

    /** Parses YAML text; {@code source} names it in the exception message. */
    public static ViewCatalog parse(String yaml, String source) {
        return ViewsYamlParser.parse(yaml, source);
    }

    private static String read(String location) {
        try {
            if (location.startsWith(CLASSPATH)) {
                String resource = location.substring(CLASSPATH.length()).replaceFirst("^/+", "");
                try (InputStream in = classLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw notFound(location);
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path path = location.startsWith(FILE + "/") ? Path.of(URI.create(location))
                    : Path.of(location.startsWith(FILE) ? location.substring(FILE.length()) : location);
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw notFound(location);
        } catch (IOException | IllegalArgumentException e) {
            throw new ViewDefinitionException("cannot read views",
                    List.of("views location '" + location + "' cannot be read: " + e.getMessage()));
        }
    }

    private static ViewDefinitionException notFound(String location) {
        return new ViewDefinitionException("cannot read views", List.of("views location '" + location + "' not found"));
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ViewCatalogLoader.class.getClassLoader();
    }
}
