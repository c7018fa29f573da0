package io.lambda.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The batch service's own dedup set ({@code io.lambda.batch.archive.IdHashSet}: 128-bit id hashes in a primitive
 * open-addressing table), loaded from the service's built jar (lambda-bench does not depend on batch-service), so
 * the plain baseline loop drops duplicates with the very structure the job uses and its bytes per id are measured on
 * the class itself. Calls go through constant method handles, which the JIT inlines like direct calls.
 */
final class BatchDedupSet {

    private static final String CLASSES = "BOOT-INF/classes/";
    private static final MethodHandle NEW;
    private static final MethodHandle ADD;
    private static final MethodHandle SIZE;
    private static final MethodHandle TABLE_BYTES;

    static {
        Path jar = BatchServiceRun.jar();
        try {
            Class<?> type = Class.forName("io.lambda.batch.archive.IdHashSet", true, new JarClasses(jar));
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            NEW = lookup.findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
            ADD = lookup.findVirtual(type, "add", MethodType.methodType(boolean.class, String.class))
                    .asType(MethodType.methodType(boolean.class, Object.class, String.class));
            SIZE = lookup.findVirtual(type, "size", MethodType.methodType(int.class))
                    .asType(MethodType.methodType(int.class, Object.class));
            TABLE_BYTES = lookup.findVirtual(type, "tableBytes", MethodType.methodType(long.class))
                    .asType(MethodType.methodType(long.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no usable io.lambda.batch.archive.IdHashSet in " + jar, e);
        }
    }

    private final Object set;

    BatchDedupSet() {
        try {
            set = NEW.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds an id; false when it was there already (a duplicate). */
    boolean add(String id) {
        try {
            return (boolean) ADD.invokeExact(set, id);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    int size() {
        try {
            return (int) SIZE.invokeExact(set);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    long tableBytes() {
        try {
            return (long) TABLE_BYTES.invokeExact(set);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The batch service's own classes from its exec jar; everything else (MurmurHash3, lambda-core) from ours. */
    private static final class JarClasses extends ClassLoader {

        private final Path jar;

        JarClasses(Path jar) {
            super("batch-service-classes", BatchDedupSet.class.getClassLoader());
            this.jar = jar;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry(CLASSES + name.replace('.', '/') + ".class");
                if (entry == null) {
                    throw new ClassNotFoundException(name + " is not in " + jar);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
