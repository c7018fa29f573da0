package io.lambda.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.lambda.gateway.GatewayProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The configured API keys. Only their SHA-256 hashes are known; a presented key is hashed and compared with every
 * configured hash in constant time, without stopping at a match.
 */
@Component
public class ApiKeys {

    static final String NO_KEYS = "No API keys configured: set lambda.gateway.keys[n].sha256 (the SHA-256 of the key,"
            + " 64 hex digits) and lambda.gateway.keys[n].roles (ingest, query, admin) as gateway/README.md describes,"
            + " or run with the 'local' profile, which has the documented key local-dev-key";

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    /** Longest key accepted; longer values are malformed, like keys with characters outside visible ASCII. */
    private static final int MAX_KEY_LENGTH = 256;

    private final List<Entry> entries;

    public ApiKeys(GatewayProperties properties) {
        if (properties.keys().isEmpty()) {
            throw new IllegalStateException(NO_KEYS);
        }
        List<Entry> loaded = new ArrayList<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < properties.keys().size(); i++) {
            GatewayProperties.Key key = properties.keys().get(i);
            String name = "lambda.gateway.keys[" + i + "]";
            if (!SHA256_HEX.matcher(key.sha256()).matches()) {
                throw new IllegalStateException(name + ".sha256 must be 64 hex digits (the SHA-256 of the key, e.g."
                        + " printf %s \"$KEY\" | sha256sum), not the key itself");
            }
            if (key.roles().isEmpty()) {
                throw new IllegalStateException(name + ".roles is empty; give it one or more of ingest, query, admin");
            }
            String hex = key.sha256().toLowerCase(Locale.ROOT);
            if (!hashes.add(hex)) {
                throw new IllegalStateException(name + " repeats the hash of an earlier key");
            }
            ApiKey apiKey = new ApiKey(hex.substring(0, 12), key.roles(), key.rateLimit());
            loaded.add(new Entry(HexFormat.of().parseHex(hex), apiKey));
            log.info("API key id={} roles={} rateLimit={}", apiKey.id(), apiKey.roles(),
                    apiKey.rateLimit() == null ? "role's" : apiKey.rateLimit());
        }
        this.entries = List.copyOf(loaded);
    }

    /** The key {@code presented} names; empty when it is unknown or malformed (the caller can't tell which). */
    public Optional<ApiKey> find(@Nullable String presented) {
        byte[] digest = sha256(presented != null && wellFormed(presented) ? presented : "");
        ApiKey found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), digest)) {
                found = entry.key();
            }
        }
        return presented != null && wellFormed(presented) ? Optional.ofNullable(found) : Optional.empty();
    }

    static boolean wellFormed(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** The lowercase hex SHA-256 of {@code key}'s UTF-8 bytes, as {@code lambda.gateway.keys[n].sha256} takes it. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private record Entry(byte[] hash, ApiKey key) {
    }
}
