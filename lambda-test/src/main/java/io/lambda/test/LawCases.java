package io.lambda.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;

/**
 * The random cases of one law run: a fixed number of cases drawn from one seed, each told a context that
 * names the case and how to rerun it; plus the ways the laws join and cut input lists.
 */
final class LawCases {

    /** One case of a law, drawing its inputs from {@code random}. */
    interface Case {
        void run(Random random, String context);
    }

    private final int cases;
    private final long seed;
    private final LongConsumer reseed;

    LawCases(int cases, long seed, LongConsumer reseed) {
        this.cases = cases;
        this.seed = seed;
        this.reseed = reseed;
    }

    /** Reseeds the monoid, then runs {@code body} for every case with one {@link Random} from the seed. */
    void run(String law, Case body) {
        reseed.accept(seed);
        Random random = new Random(seed);
        for (int i = 0; i < cases; i++) {
            body.run(random, String.format("%s, case %d of %d, seed %d (rerun with -D%s=%d)",
                    law, i + 1, cases, seed, MonoidLaws.SEED_PROPERTY, seed));
        }
    }

    static <I> List<I> concat(List<List<I>> lists) {
        List<I> all = new ArrayList<>();
        lists.forEach(all::addAll);
        return all;
    }

    /** {@code whole} cut at {@code parts - 1} random points into consecutive, possibly empty, parts. */
    static <I> List<List<I>> split(List<I> whole, int parts, Random random) {
        int[] cuts = new int[parts + 1];
        cuts[parts] = whole.size();
        for (int i = 1; i < parts; i++) {
            cuts[i] = random.nextInt(whole.size() + 1);
        }
        Arrays.sort(cuts);
        List<List<I>> result = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            result.add(whole.subList(cuts[i], cuts[i + 1]));
        }
        return result;
    }
}
