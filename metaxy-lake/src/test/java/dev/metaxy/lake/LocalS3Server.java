package dev.metaxy.lake;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server for tests: S3Proxy (from Maven Central) over an in-memory jclouds blob store,
 * listening on 127.0.0.1 on a free port, with SigV4 credentials. One server per JVM, started on first use and
 * stopped at JVM exit; every test asks for its own bucket.
 */
public final class LocalS3Server {
    public static final String ACCESS_KEY = "metaxy-test-access";
    public static final String SECRET_KEY = "metaxy-test-secret";
    private static LocalS3Server instance;

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final String endpoint;

    private LocalS3Server() throws Exception {
        Properties props = new Properties();
        BlobStoreContext context = ContextBuilder.newBuilder("transient").overrides(props).build(BlobStoreContext.class);
        blobStore = context.getBlobStore();
        proxy = S3Proxy.builder().blobStore(blobStore).endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        endpoint = "http://127.0.0.1:" + proxy.getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                proxy.stop();
            } catch (Exception ignored) {
                // JVM exit
            }
        }));
    }

    /** The shared server, started on first call. */
    public static synchronized LocalS3Server get() {
        if (instance == null) {
            try {
                instance = new LocalS3Server();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the local S3 server: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String endpoint() {
        return endpoint;
    }

    /** Creates a new empty bucket and returns its name. */
    public String newBucket(String prefix) {
        String name = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        blobStore.createContainerInLocation(null, name);
        return name;
    }

    /** Creates the bucket {@code name} unless it exists. */
    public synchronized void ensureBucket(String name) {
        if (!blobStore.containerExists(name)) {
            blobStore.createContainerInLocation(null, name);
        }
    }

    /** Whether an object exists. */
    public boolean exists(String bucket, String key) {
        return blobStore.blobExists(bucket, key);
    }

    /** Storage options (delta-rs names) that reach this server: endpoint, path-style, HTTP, credentials, region. */
    public Map<String, String> storageOptions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("AWS_ENDPOINT_URL", endpoint);
        m.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        m.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        m.put("AWS_REGION", "us-east-1");
        m.put("AWS_ALLOW_HTTP", "true");
        return m;
    }

    /** The same settings as the usual AWS environment variables. */
    public Map<String, String> environment() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("AWS_ENDPOINT_URL", endpoint);
        m.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        m.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        m.put("AWS_REGION", "us-east-1");
        return m;
    }
}
