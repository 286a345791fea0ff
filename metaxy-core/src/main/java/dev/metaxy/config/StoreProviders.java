package dev.metaxy.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** The {@link StoreProvider}s visible through {@link ServiceLoader} (context class loader first). */
final class StoreProviders {
    private StoreProviders() {
    }

    static List<StoreProvider> all() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<StoreProvider> out = new ArrayList<>();
        ServiceLoader.load(StoreProvider.class, loader == null ? StoreProviders.class.getClassLoader() : loader).forEach(out::add);
        if (out.isEmpty() && loader != null) {
            ServiceLoader.load(StoreProvider.class, StoreProviders.class.getClassLoader()).forEach(out::add);
        }
        return out;
    }

    static Optional<StoreProvider> find(String type) {
        return all().stream().filter(p -> p.typeNames().contains(type)).findFirst();
    }

    /** Every accepted type name, sorted, for error messages. */
    static String knownTypes() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all().forEach(p -> names.addAll(p.typeNames()));
        return names.isEmpty() ? "(none: no store module such as metaxy-duckdb is on the classpath)" : String.join(", ", names);
    }
}
