package org.pitbox.core.api;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What one package shows plugins: a line per public type and per public or protected member (of top-level
 * and nested types), and every type those signatures mention. Abstract methods are marked {@code abstract}, so
 * a new one on an existing type tells itself apart from a new default method.
 */
final class ApiSurface {
    final Set<String> signatures = new TreeSet<>();
    final Set<Class<?>> mentioned = new HashSet<>();
    private final Set<TypeVariable<?>> variables = new HashSet<>();

    private ApiSurface() {
    }

    static ApiSurface of(String pkg) throws IOException, ClassNotFoundException {
        ApiSurface surface = new ApiSurface();
        Path sources = Path.of("..", "org.pitbox.core", "src").resolve(pkg.replace('.', '/'));
        try (Stream<Path> files = Files.list(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = f.getFileName().toString().replace(".java", "");
                if (!name.equals("package-info")) {
                    surface.describe(Class.forName(pkg + "." + name));
                }
            }
        }
        return surface;
    }

    private void describe(Class<?> type) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return;
        }
        String name = type.getName();
        signatures.add(name + " " + kind(type) + " extends " + type.getSuperclass() + " implements "
                + Arrays.toString(type.getInterfaces()));
        mention(type.getGenericSuperclass());
        Arrays.stream(type.getGenericInterfaces()).forEach(this::mention);
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c.getModifiers())) {
                signatures.add(name + " new" + Arrays.toString(c.getParameterTypes()) + throwing(c));
                mention(c);
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m.getModifiers()) && !m.isSynthetic()) {
                boolean isAbstract = Modifier.isAbstract(m.getModifiers()) && !type.isEnum();
                signatures.add(name + " " + (Modifier.isStatic(m.getModifiers()) ? "static " : "")
                        + (m.isDefault() ? "default " : "") + (isAbstract ? "abstract " : "")
                        + m.getGenericReturnType().getTypeName() + " " + m.getName()
                        + Arrays.toString(m.getGenericParameterTypes()) + throwing(m));
                mention(m.getGenericReturnType());
                mention(m);
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f.getModifiers()) && !f.isSynthetic()) {
                signatures.add(name + " field " + f.getGenericType().getTypeName() + " " + f.getName());
                mention(f.getGenericType());
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            describe(nested);
        }
    }

    private static String throwing(Executable e) {
        Class<?>[] thrown = e.getExceptionTypes();
        return thrown.length == 0 ? "" : " throws " + Arrays.toString(thrown);
    }

    private void mention(Executable e) {
        Arrays.stream(e.getGenericParameterTypes()).forEach(this::mention);
        Arrays.stream(e.getGenericExceptionTypes()).forEach(this::mention);
    }

    private void mention(Type t) {
        switch (t) {
            case null -> {
            }
            case Class<?> c -> mentioned.add(c.isArray() ? elementType(c) : c);
            case ParameterizedType p -> {
                mention(p.getRawType());
                Arrays.stream(p.getActualTypeArguments()).forEach(this::mention);
            }
            case WildcardType w -> {
                Arrays.stream(w.getUpperBounds()).forEach(this::mention);
                Arrays.stream(w.getLowerBounds()).forEach(this::mention);
            }
            case GenericArrayType a -> mention(a.getGenericComponentType());
            case TypeVariable<?> v -> {
                if (variables.add(v)) {
                    Arrays.stream(v.getBounds()).forEach(this::mention);
                }
            }
            default -> throw new IllegalArgumentException("unknown type " + t);
        }
    }

    private static Class<?> elementType(Class<?> array) {
        Class<?> c = array;
        while (c.isArray()) {
            c = c.componentType();
        }
        return c;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String kind(Class<?> type) {
        return type.isRecord() ? "record" : type.isEnum() ? "enum" : type.isInterface() ? "interface"
                : (Modifier.isFinal(type.getModifiers()) ? "final class" : "class");
    }
}
