package io.lambda.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;

import io.lambda.core.serving.ServingKeys;
import org.junit.jupiter.api.Test;

class IdShardsTests {

    private final List<String> ids = ids(500);

    @Test
    void shouldPutEveryIdInShardZeroForASingleServer() {
        List<List<String>> shards = RecentIds.byShard(ids, 1);

        assertThat(shards).hasSize(1);
        assertThat(shards.get(0)).containsExactlyElementsOf(ids);
    }

    @Test
    void shouldSpreadIdsOverTheClusterShardsByTheKeyLayoutsShardFunction() {
        List<List<String>> shards = RecentIds.byShard(ids, ServingKeys.INGESTED_ID_SHARDS);

        assertThat(shards).hasSize(ServingKeys.INGESTED_ID_SHARDS).allSatisfy(shard -> assertThat(shard).isNotEmpty());
        for (int shard = 0; shard < shards.size(); shard++) {
            for (String id : shards.get(shard)) {
                assertThat(ServingKeys.ingestedIdShard(id)).isEqualTo(shard);
            }
        }
        assertThat(shards.stream().mapToInt(List::size).sum()).isEqualTo(ids.size());
    }

    @Test
    void shouldRefuseShardCountsOutsideTheLayout() {
        assertThatIllegalArgumentException().isThrownBy(() -> RecentIds.byShard(ids, 4));
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("evt-" + i);
        }
        return ids;
    }
}
