package io.lambda.local.compose;

import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

/**
 * The property names a {@code @ConfigurationProperties} type accepts, as a tree: scalars, nested objects (records,
 * value objects, JavaBeans), lists and maps. {@link #match} finds the property an environment variable binds to
 * with the rules of Spring Boot's {@code SystemEnvironmentPropertyMapper}: {@code _} separates elements, a dashed
 * element is written with its dashes removed ({@code PATHSTYLEACCESS}) or as underscores ({@code PATH_STYLE_ACCESS}),
 * a number is a list index, and a list of scalars also binds from one comma-separated value.
 */
sealed interface PropertyTree {

    /** A value converted from one string. */
    record Scalar() implements PropertyTree {
    }

    /** A nested object; {@code alsoScalar} when it can also be converted from one string. */
    record Node(Map<String, PropertyTree> properties, boolean alsoScalar) implements PropertyTree {
    }

    /** A list, set or array. */
    record Indexed(PropertyTree element) implements PropertyTree {
    }

    /** A map; keys are free. */
    record Keyed(PropertyTree value) implements PropertyTree {
    }

    /** The tree of {@code type}. */
    static PropertyTree of(ResolvableType type) {
        return of(type, Set.of(), 0);
    }

    private static PropertyTree of(ResolvableType type, Set<Class<?>> enclosing, int depth) {
        Class<?> raw = type.toClass();
        if (raw.isArray()) {
            return new Indexed(of(type.getComponentType(), enclosing, depth + 1));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return new Indexed(of(type.asCollection().getGeneric(0), enclosing, depth + 1));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return new Keyed(of(type.asMap().getGeneric(1), enclosing, depth + 1));
        }
        if (Optional.class == raw) {
            return of(type.getGeneric(0), enclosing, depth);
        }
        if (isScalar(raw) || enclosing.contains(raw) || depth > 12) {
            return new Scalar();
        }
        Set<Class<?>> inside = new java.util.HashSet<>(enclosing);
        inside.add(raw);
        Map<String, PropertyTree> properties = new LinkedHashMap<>();
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                properties.put(name(raw, component), of(ResolvableType.forType(component.getGenericType(), type), inside,
                        depth + 1));
            }
        } else {
            for (var descriptor : BeanUtils.getPropertyDescriptors(raw)) {
                if (descriptor.getReadMethod() == null || "class".equals(descriptor.getName())) {
                    continue;
                }
                ResolvableType propertyType = ResolvableType.forMethodReturnType(descriptor.getReadMethod(), raw);
                boolean nested = !isScalar(propertyType.toClass());
                if (descriptor.getWriteMethod() != null || nested) {
                    properties.put(dashed(descriptor.getName()), of(propertyType, inside, depth + 1));
                }
            }
        }
        boolean convertible = ApplicationConversionService.getSharedInstance().canConvert(String.class, raw);
        return properties.isEmpty() ? new Scalar() : new Node(properties, convertible);
    }

    private static boolean isScalar(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.")
                || type.getName().startsWith("javax.") || type.getName().startsWith("org.springframework.util.")
                || type.getName().startsWith("org.springframework.core.io.")
                || (Modifier.isAbstract(type.getModifiers()) && !type.isInterface() && !type.isRecord());
    }

    private static String name(Class<?> record, RecordComponent component) {
        Name name = component.getAnnotation(Name.class);
        if (name == null) {
            // @Name targets the canonical constructor's parameter
            var constructor = BeanUtils.findPrimaryConstructor(record);
            if (constructor == null) {
                try {
                    constructor = record.getDeclaredConstructor(java.util.Arrays.stream(record.getRecordComponents())
                            .map(RecordComponent::getType).toArray(Class<?>[]::new));
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(e);
                }
            }
            int index = java.util.Arrays.asList(record.getRecordComponents()).indexOf(component);
            name = new MethodParameter(constructor, index).getParameterAnnotation(Name.class);
        }
        return name != null ? name.value() : dashed(component.getName());
    }

    /** {@code pathStyleAccess} -> {@code path-style-access}, as Spring Boot names a Java property. */
    static String dashed(String javaName) {
        StringBuilder dashed = new StringBuilder();
        for (char c : javaName.toCharArray()) {
            if (Character.isUpperCase(c) && !dashed.isEmpty()) {
                dashed.append('-');
            }
            dashed.append(Character.toLowerCase(c));
        }
        return dashed.toString();
    }

    /**
     * The canonical property names (e.g. {@code lambda.gateway.keys[0].sha256}) that the environment variable made of
     * {@code tokens} (its name split at {@code _}), from {@code start}, binds to in this tree; empty when none.
     */
    default List<String> match(List<String> tokens, int start, String path) {
        List<String> found = new ArrayList<>();
        boolean atEnd = start == tokens.size();
        if (this instanceof Scalar) {
            if (atEnd) {
                found.add(path);
            }
        } else if (this instanceof Node node) {
            if (atEnd && node.alsoScalar()) {
                found.add(path);
            }
            node.properties().forEach((name, child) -> {
                for (int next : elementEnds(name, tokens, start)) {
                    found.addAll(child.match(tokens, next, path + "." + name));
                }
            });
        } else if (this instanceof Indexed indexed) {
            if (atEnd && indexed.element() instanceof Scalar) {
                found.add(path); // comma-separated
            } else if (!atEnd && tokens.get(start).chars().allMatch(Character::isDigit)) {
                found.addAll(indexed.element().match(tokens, start + 1, path + "[" + tokens.get(start) + "]"));
            }
        } else if (this instanceof Keyed keyed) {
            for (int end = start + 1; end <= tokens.size(); end++) {
                String key = String.join(".", tokens.subList(start, end)).toLowerCase(Locale.ROOT);
                found.addAll(keyed.value().match(tokens, end, path + "." + key));
            }
        }
        return found;
    }

    /** Where a dashed element ({@code rate-limit}) ends when it starts at {@code start}: as one token or one per part. */
    static List<Integer> elementEnds(String element, List<String> tokens, int start) {
        List<Integer> ends = new ArrayList<>();
        String upper = element.toUpperCase(Locale.ROOT);
        if (start < tokens.size() && tokens.get(start).equals(upper.replace("-", ""))) {
            ends.add(start + 1);
        }
        String[] parts = upper.split("-");
        if (parts.length > 1 && start + parts.length <= tokens.size()
                && List.of(parts).equals(tokens.subList(start, start + parts.length))) {
            ends.add(start + parts.length);
        }
        return ends;
    }
}
