package io.lambda.ingest.dedup;

/** A Redis server's major and minor version, as {@code INFO server} reports it in {@code redis_version}. */
record RedisVersion(int major, int minor) {

    /**
     * @throws IllegalArgumentException when {@code info} has no {@code redis_version:<major>.<minor>} line
     */
    static RedisVersion fromInfo(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                String[] parts = line.substring("redis_version:".length()).trim().split("\\.");
                try {
                    return new RedisVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unreadable Redis version in '" + line + "'", e);
                }
            }
        }
        throw new IllegalArgumentException("INFO server does not report redis_version");
    }

    boolean atLeast(RedisVersion other) {
        return major > other.major || major == other.major && minor >= other.minor;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
