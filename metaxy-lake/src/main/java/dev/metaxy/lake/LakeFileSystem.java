package dev.metaxy.lake;

import dev.metaxy.store.MetadataStoreException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSDataOutputStreamBuilder;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FutureDataInputStreamBuilder;
import org.apache.hadoop.util.functional.FutureIO;

/**
 * Local and object-store file access for the storage-only stores, through Hadoop {@link FileSystem}s: local paths
 * use the local file system, {@code s3://}, {@code s3a://} URIs use S3A (AWS SDK v2).
 *
 * <p>Object-store settings come from {@code storage_options} (the names delta-rs / object_store accept, in any
 * case: {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN},
 * {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT}, {@code AWS_REGION}, {@code AWS_ALLOW_HTTP},
 * {@code AWS_VIRTUAL_HOSTED_STYLE_REQUEST}, {@code AWS_FORCE_PATH_STYLE}; raw Hadoop keys such as
 * {@code fs.s3a.connection.maximum} pass through), then from the usual environment variables
 * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN},
 * {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL}, {@code AWS_REGION} / {@code AWS_DEFAULT_REGION}) or their
 * AWS SDK system properties ({@code aws.accessKeyId}, {@code aws.secretAccessKey}, {@code aws.sessionToken},
 * {@code aws.region}, {@code aws.endpointUrl}, {@code aws.endpointUrlS3}), which win over the variables. The
 * variables are read from the environment a store is given: the process's by default, the configuration's when the
 * store comes from {@code metaxy.toml} (for the CLI that includes {@code ./.env}).
 * As with object_store, a custom endpoint is addressed path-style unless virtual-hosted requests are asked for.
 */
public final class LakeFileSystem {
    private static final String CREATE_PERFORMANCE = "fs.s3a.create.performance";
    private static final String READ_POLICY = "fs.option.openfile.read.policy";
    private static final String FILE_LENGTH = "fs.option.openfile.length";
    private final Configuration conf;
    private final Map<String, String> storageOptions;

    private LakeFileSystem(Configuration conf, Map<String, String> storageOptions) {
        this.conf = conf;
        this.storageOptions = storageOptions;
    }

    /** File access configured by {@code storageOptions} (may be empty) and the process environment. */
    public static LakeFileSystem create(Map<String, ?> storageOptions) {
        return create(storageOptions, withSystemProperties(System.getenv()));
    }

    /**
     * {@code environment} overlaid with the AWS SDK's JVM system properties ({@code aws.accessKeyId} ...), which
     * win over the variables they stand for: what {@link #create(Map, Map)} should get as its environment.
     */
    public static Map<String, String> withSystemProperties(Map<String, String> environment) {
        Map<String, String> env = new java.util.HashMap<>(environment);
        SYSTEM_PROPERTIES.forEach((var, prop) -> {
            String v = System.getProperty(prop);
            if (v != null && !v.isEmpty()) {
                env.put(var, v);
            }
        });
        return env;
    }

    /** The AWS SDK's JVM system properties, which take precedence over the environment variables they stand for. */
    private static final Map<String, String> SYSTEM_PROPERTIES = Map.of(
        "AWS_ACCESS_KEY_ID", "aws.accessKeyId",
        "AWS_SECRET_ACCESS_KEY", "aws.secretAccessKey",
        "AWS_SESSION_TOKEN", "aws.sessionToken",
        "AWS_REGION", "aws.region",
        "AWS_ENDPOINT_URL", "aws.endpointUrl",
        "AWS_ENDPOINT_URL_S3", "aws.endpointUrlS3");

    /**
     * As {@link #create(Map)} with an explicit environment (e.g. the one a configuration was loaded with; see
     * {@link #withSystemProperties}).
     */
    public static LakeFileSystem create(Map<String, ?> storageOptions, Map<String, String> env) {
        Map<String, String> opts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (storageOptions != null) {
            storageOptions.forEach((k, v) -> {
                if (v != null) {
                    opts.put(k, String.valueOf(v));
                }
            });
        }
        Configuration conf = new Configuration();
        conf.set("fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
        conf.set("fs.AbstractFileSystem.s3.impl", "org.apache.hadoop.fs.s3a.S3A");
        conf.set("fs.file.impl", NioLocalFileSystem.class.getName());
        // Hadoop caches one local file system per JVM, made by whichever configuration asked first: a default one (with
        // .crc side files, verified on read) would make concurrent Delta commits fail checksums. Ours, always.
        conf.setBoolean("fs.file.impl.disable.cache", true);
        // Hadoop caches one file system per scheme and bucket for the JVM: stores that reach the same bucket with
        // different credentials should use per-bucket keys (fs.s3a.bucket.<name>.access.key ...) in storage_options
        String access = first(opts, env, "aws_access_key_id", "access_key_id", "AWS_ACCESS_KEY_ID");
        String secret = first(opts, env, "aws_secret_access_key", "secret_access_key", "AWS_SECRET_ACCESS_KEY");
        String token = first(opts, env, "aws_session_token", "session_token", "AWS_SESSION_TOKEN");
        String endpoint = first(opts, env, "aws_endpoint_url", "aws_endpoint", "endpoint_url", "endpoint",
            "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");
        String region = first(opts, env, "aws_region", "region", "aws_default_region", "AWS_REGION", "AWS_DEFAULT_REGION");
        if (access != null && secret != null) {
            conf.set("fs.s3a.access.key", access);
            conf.set("fs.s3a.secret.key", secret);
            if (token != null) {
                conf.set("fs.s3a.session.token", token);
                conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider");
            } else {
                conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
            }
        }
        if (endpoint != null) {
            conf.set("fs.s3a.endpoint", endpoint);
            if (endpoint.toLowerCase(Locale.ROOT).startsWith("http://")) {
                conf.setBoolean("fs.s3a.connection.ssl.enabled", false);
            }
            String virtual = opts.get("aws_virtual_hosted_style_request");
            String forcePath = opts.get("aws_force_path_style");
            boolean pathStyle = forcePath != null ? truthy(forcePath) : virtual == null || !truthy(virtual);
            conf.setBoolean("fs.s3a.path.style.access", pathStyle);
            if (region == null) {
                region = "us-east-1";
            }
        }
        if (region != null) {
            conf.set("fs.s3a.endpoint.region", region);
        }
        String allowHttp = opts.get("aws_allow_http");
        if (allowHttp == null) {
            allowHttp = opts.get("allow_http");
        }
        if (allowHttp != null && truthy(allowHttp)) {
            conf.setBoolean("fs.s3a.connection.ssl.enabled", false);
        }
        conf.setInt("fs.s3a.attempts.maximum", 3);
        conf.setInt("fs.s3a.retry.limit", 3);
        conf.set("fs.s3a.retry.interval", "100ms");
        opts.forEach((k, v) -> {
            if (k.startsWith("fs.")) {
                conf.set(k, v);
            }
        });
        return new LakeFileSystem(conf, Map.copyOf(new LinkedHashMap<>(opts)));
    }

    private static boolean truthy(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        return s.equals("true") || s.equals("1") || s.equals("yes") || s.equals("on");
    }

    private static String first(Map<String, String> opts, Map<String, String> env, String... names) {
        for (String n : names) {
            String v = opts.get(n);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        for (String n : names) {
            if (n.equals(n.toUpperCase(Locale.ROOT))) {
                String v = env.get(n);
                if (v != null && !v.isEmpty()) {
                    return v;
                }
            }
        }
        return null;
    }

    /** The Hadoop configuration (for Delta Kernel's default engine, Iceberg's HadoopFileIO and catalogs). */
    public Configuration configuration() {
        return conf;
    }

    /** The storage options as given (case-insensitive keys). */
    public Map<String, String> storageOptions() {
        return storageOptions;
    }

    /** True for URIs with a scheme other than {@code file} / {@code local} (s3://, s3a://, gs://, ...). */
    public static boolean isRemote(String pathOrUri) {
        int i = pathOrUri.indexOf("://");
        if (i <= 0) {
            return false;
        }
        String scheme = pathOrUri.substring(0, i).toLowerCase(Locale.ROOT);
        return !scheme.equals("file") && !scheme.equals("local");
    }

    /**
     * A root as the reference stores normalise it: {@code file://} and {@code local://} prefixes stripped, {@code ~}
     * expanded and made absolute for local paths; trailing {@code /} trimmed for object-store URIs.
     */
    public static String normalizeRoot(String root) {
        String r = root.trim();
        if (isRemote(r)) {
            while (r.endsWith("/") && !r.endsWith("://")) {
                r = r.substring(0, r.length() - 1);
            }
            return r;
        }
        if (r.startsWith("file://")) {
            r = r.substring("file://".length());
        } else if (r.startsWith("local://")) {
            r = r.substring("local://".length());
        } else if (r.startsWith("file:")) {
            r = r.substring("file:".length());
        }
        if (r.equals("~") || r.startsWith("~/")) {
            r = System.getProperty("user.home") + r.substring(1);
        }
        return Path.of(r).toAbsolutePath().normalize().toString();
    }

    /** A local file path for a local path or {@code file:} URI. */
    public static Path localPath(String pathOrUri) {
        if (pathOrUri.startsWith("file:")) {
            return Path.of(URI.create(pathOrUri.replace(" ", "%20")));
        }
        return Path.of(pathOrUri);
    }

    /** The Hadoop file system of {@code uri}. */
    public FileSystem fileSystem(String uri) {
        try {
            return new org.apache.hadoop.fs.Path(uri).getFileSystem(conf);
        } catch (IOException e) {
            throw new MetadataStoreException("Cannot access " + uri + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies a local file to {@code uri} (overwriting). On S3 this is one PUT: the target is a fresh, uniquely named
     * data file, so the create-performance option skips S3A's probes for an existing object or directory.
     */
    public void upload(Path local, String uri) {
        try {
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(uri);
            FSDataOutputStreamBuilder<FSDataOutputStream, ?> create = fileSystem(uri).createFile(target);
            create.overwrite(true).recursive().opt(CREATE_PERFORMANCE, "true");
            try (FSDataOutputStream out = create.build()) {
                Files.copy(local, out);
            }
        } catch (IOException e) {
            throw new MetadataStoreException("Cannot upload " + local + " to " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Copies {@code uri} to a local file. */
    public void download(String uri, Path local) {
        download(uri, local, -1);
    }

    /**
     * Copies {@code uri}, known to be {@code size} bytes (negative: unknown), to a local file: with a known size an
     * object store is read with a single GET (no metadata request first).
     */
    public void download(String uri, Path local, long size) {
        try {
            FutureDataInputStreamBuilder open = fileSystem(uri).openFile(new org.apache.hadoop.fs.Path(uri));
            open.opt(READ_POLICY, "whole-file");
            if (size >= 0) {
                open.opt(FILE_LENGTH, Long.toString(size));
            }
            try (FSDataInputStream in = FutureIO.awaitFuture(open.build())) {
                Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new MetadataStoreException("Cannot download " + uri + ": " + e.getMessage(), e);
        }
    }

    /** The status of {@code uri}, or null when it does not exist. */
    public FileStatus status(String uri) {
        try {
            return fileSystem(uri).getFileStatus(new org.apache.hadoop.fs.Path(uri));
        } catch (java.io.FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            throw new MetadataStoreException("Cannot access " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code uri} recursively (no-op when missing). */
    public void deleteRecursively(String uri) {
        try {
            fileSystem(uri).delete(new org.apache.hadoop.fs.Path(uri), true);
        } catch (IOException e) {
            throw new MetadataStoreException("Cannot delete " + uri + ": " + e.getMessage(), e);
        }
    }
}
