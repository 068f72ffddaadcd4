package dev.courier.application.mapping;

import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2beta3.HttpTarget;
import com.google.cloud.tasks.v2beta3.UriOverride;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a queue's {@code httpTarget} to a task's request at dispatch time: URI override (mode
 * ALWAYS replaces every part it names, IF_NOT_EXISTS only fills parts the task's URL lacks),
 * method override (a GET or other body-less method drops the body), header overrides (replace a
 * same-named header, else add).
 */
public final class TaskTargets {

    private TaskTargets() {}

    public static HttpRequest apply(HttpRequest request, HttpTarget target) {
        HttpRequest.Builder result = request.toBuilder();
        if (target.hasUriOverride()) {
            result.setUrl(overrideUrl(request.getUrl(), target.getUriOverride()));
        }
        if (target.getHttpMethodValue() != 0) {
            HttpMethod method = HttpMethod.forNumber(target.getHttpMethodValue());
            result.setHttpMethod(method);
            if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
                result.clearBody();
            }
        }
        Map<String, String> headers = new LinkedHashMap<>(request.getHeadersMap());
        target.getHeaderOverridesList().forEach(override -> {
            String key = override.getHeader().getKey();
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(key));
            headers.put(key, override.getHeader().getValue());
        });
        return result.clearHeaders().putAllHeaders(headers).build();
    }

    /** The URL a BufferTask call targets: the queue's URI override alone (https and "/" by default). */
    public static String bufferUrl(UriOverride uri) {
        return overrideUrl(
                "https://" + uri.getHost() + "/",
                uri.toBuilder()
                        .setUriOverrideEnforceMode(UriOverride.UriOverrideEnforceMode.ALWAYS)
                        .build());
    }

    public static String overrideUrl(String url, UriOverride uri) {
        URI original;
        try {
            original = new URI(url);
        } catch (URISyntaxException e) {
            return url; // left as the task gave it; the dispatch attempt reports the bad URL
        }
        boolean always = uri.getUriOverrideEnforceMode() != UriOverride.UriOverrideEnforceMode.IF_NOT_EXISTS;
        String scheme = original.getScheme();
        String host = original.getHost();
        int port = original.getPort();
        String path = original.getRawPath();
        String query = original.getRawQuery();
        if (always) {
            if (uri.hasScheme()) {
                scheme = uri.getScheme() == UriOverride.Scheme.HTTP ? "http" : "https";
            }
            if (uri.hasHost()) {
                host = uri.getHost();
            }
            if (uri.hasPort()) {
                port = uri.getPort() == 0 ? -1 : (int) uri.getPort();
            }
            if (uri.hasPathOverride()) {
                path = uri.getPathOverride().getPath();
            }
            if (uri.hasQueryOverride()) {
                query = uri.getQueryOverride().getQueryParams();
            }
        } else {
            if (port == -1 && uri.hasPort() && uri.getPort() > 0) {
                port = (int) uri.getPort();
            }
            if ((path == null || path.isEmpty() || path.equals("/")) && uri.hasPathOverride()) {
                path = uri.getPathOverride().getPath();
            }
            if ((query == null || query.isEmpty()) && uri.hasQueryOverride()) {
                query = uri.getQueryOverride().getQueryParams();
            }
        }
        StringBuilder result =
                new StringBuilder(scheme.toLowerCase(Locale.ROOT)).append("://").append(host);
        if (port > 0) {
            result.append(':').append(port);
        }
        if (path != null && !path.isEmpty()) {
            result.append(path.startsWith("/") ? "" : "/").append(path);
        }
        if (query != null && !query.isEmpty()) {
            result.append('?').append(query);
        }
        return result.toString();
    }
}
