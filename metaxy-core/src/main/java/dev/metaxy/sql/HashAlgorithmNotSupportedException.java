package dev.metaxy.sql;

import dev.metaxy.hash.HashAlgorithm;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** Thrown when a SQL dialect cannot compute a hash algorithm; names the algorithm and the ones it supports. */
public final class HashAlgorithmNotSupportedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HashAlgorithm algorithm;
    private final Set<HashAlgorithm> supported;

    public HashAlgorithmNotSupportedException(String dialect, HashAlgorithm algorithm, Collection<HashAlgorithm> supported) {
        super("Hash algorithm '" + algorithm.configName() + "' is not supported by the " + dialect + " SQL dialect; supported: "
            + names(supported));
        this.algorithm = algorithm;
        this.supported = Set.copyOf(supported);
    }

    private static String names(Collection<HashAlgorithm> algorithms) {
        TreeSet<String> names = new TreeSet<>();
        algorithms.forEach(a -> names.add(a.configName()));
        return names.toString();
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    public Set<HashAlgorithm> supported() {
        return supported;
    }
}
