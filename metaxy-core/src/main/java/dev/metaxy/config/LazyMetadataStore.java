package dev.metaxy.config;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.expr.Expression;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.LazyFrame;
import dev.metaxy.store.LazyIncrement;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import dev.metaxy.store.StoreInfo;
import dev.metaxy.store.StoreRead;
import dev.metaxy.store.WriteOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A configured fallback store that is created on first use (like Python's lazily resolved fallback names), so an
 * unused fallback with an invalid configuration never fails. Its graph and hash algorithm are known up front.
 */
final class LazyMetadataStore implements MetadataStore {
    private final String name;
    private final FeatureGraph graph;
    private final HashAlgorithm hashAlgorithm;
    private final Supplier<MetadataStore> factory;
    private MetadataStore delegate;

    LazyMetadataStore(String name, FeatureGraph graph, HashAlgorithm hashAlgorithm, Supplier<MetadataStore> factory) {
        this.name = name;
        this.graph = graph;
        this.hashAlgorithm = hashAlgorithm;
        this.factory = factory;
    }

    private synchronized MetadataStore delegate() {
        if (delegate == null) {
            delegate = factory.get();
        }
        return delegate;
    }

    @Override
    public MetadataStore open(AccessMode mode) {
        delegate().open(mode);
        return this;
    }

    @Override
    public synchronized void close() {
        if (delegate != null) {
            delegate.close();
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return delegate != null && delegate.isOpen();
    }

    @Override
    public synchronized AccessMode mode() {
        return delegate == null ? AccessMode.READ : delegate.mode();
    }

    @Override
    public FeatureGraph graph() {
        return graph;
    }

    @Override
    public HashAlgorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    @Override
    public synchronized String display() {
        return delegate == null ? "store '" + name + "' (not created yet)" : delegate.display();
    }

    @Override
    public void write(Object feature, Frame frame, WriteOptions options) {
        delegate().write(feature, frame, options);
    }

    @Override
    public void writeMulti(Map<?, Frame> frames, WriteOptions options) {
        delegate().writeMulti(frames, options);
    }

    @Override
    public LazyFrame read(Object feature, ReadOptions options) {
        return delegate().read(feature, options);
    }

    @Override
    public LazyIncrement resolveUpdateLazy(Object feature, ResolveOptions options) {
        return delegate().resolveUpdateLazy(feature, options);
    }

    @Override
    public long delete(Object feature, Expression filter, DeleteOptions options) {
        return delegate().delete(feature, filter, options);
    }

    @Override
    public LazyFrame rebase(Object feature, Frame frame, String toFeatureVersion) {
        return delegate().rebase(feature, frame, toFeatureVersion);
    }

    @Override
    public void dropFeatureMetadata(Object feature) {
        delegate().dropFeatureMetadata(feature);
    }

    @Override
    public boolean hasFeature(Object feature) {
        return delegate().hasFeature(feature);
    }

    @Override
    public List<FeatureKey> listFeatures() {
        return delegate().listFeatures();
    }

    @Override
    public Optional<String> name() {
        return Optional.of(name);
    }

    @Override
    public List<MetadataStore> fallbackStores() {
        return delegate().fallbackStores();
    }

    @Override
    public StoreRead readWithStoreInfo(Object feature, ReadOptions options) {
        StoreRead read = delegate().readWithStoreInfo(feature, options);
        return read.store() == delegate() ? new StoreRead(read.frame(), this) : read;
    }

    @Override
    public org.apache.arrow.vector.types.pojo.Schema readFeatureSchemaFromStore(Object feature) {
        return delegate().readFeatureSchemaFromStore(feature);
    }

    @Override
    public LazyFrame computeProvenance(Object feature, Frame joined) {
        return delegate().computeProvenance(feature, joined);
    }

    @Override
    public Optional<MetadataStore> findStoreForFeature(Object feature, boolean checkFallback) {
        return delegate().findStoreForFeature(feature, checkFallback).map(s -> s == delegate() ? this : s);
    }

    @Override
    public StoreInfo storeInfo(Object feature) {
        StoreInfo inner = delegate().storeInfo(feature);
        return new StoreInfo(Optional.of(name), inner.type(), inner.display(), inner.details());
    }

    @Override
    public void appendSystemRows(FeatureKey systemKey, Frame rows) {
        delegate().appendSystemRows(systemKey, rows);
    }

    @Override
    public Optional<Frame> readSystemRows(FeatureKey systemKey) {
        return delegate().readSystemRows(systemKey);
    }
}
