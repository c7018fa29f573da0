package io.lambda.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RedisVersionTests {

    @Test
    void shouldReadTheVersionFromInfoServer() {
        String info = "# Server\r\nredis_version:6.2.14\r\nredis_git_sha1:00000000\r\n";

        assertThat(RedisVersion.fromInfo(info)).isEqualTo(new RedisVersion(6, 2));
    }

    @Test
    void shouldCompareMajorThenMinor() {
        RedisVersion required = new RedisVersion(6, 2);

        assertThat(new RedisVersion(6, 2).atLeast(required)).isTrue();
        assertThat(new RedisVersion(7, 0).atLeast(required)).isTrue();
        assertThat(new RedisVersion(6, 0).atLeast(required)).isFalse();
        assertThat(new RedisVersion(5, 9).atLeast(required)).isFalse();
        assertThat(new RedisVersion(3, 2).atLeast(DedupCommands.REQUIRED)).as("no UNLINK before 4.0").isFalse();
    }

    @Test
    void shouldRefuseInfoWithoutAVersion() {
        assertThatIllegalArgumentException().isThrownBy(() -> RedisVersion.fromInfo("# Server\r\nos:Linux\r\n"))
                .withMessageContaining("redis_version");
        assertThatIllegalArgumentException().isThrownBy(() -> RedisVersion.fromInfo("redis_version:x.y\r\n"))
                .withMessageContaining("x.y");
    }
}
