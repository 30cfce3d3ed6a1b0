package org.craftmark.server.marking;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer keeps each sender's order across groups, and a failed group acknowledges nothing. */
class GroupCommitterTest {

    @Test
    void eachSendersItemsAreCommittedInTheOrderSent() {
        List<String> committed = Collections.synchronizedList(new ArrayList<>());
        List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
        try (GroupCommitter<String, String> writer = new GroupCommitter<>("test-writer", 7, group -> {
            groupSizes.add(group.size());
            committed.addAll(group);
            return group.stream().map(s -> "ok:" + s).toList();
        })) {
            List<CompletableFuture<String>> all = IntStream.range(0, 8).parallel().boxed()
                    .flatMap(sender -> IntStream.range(0, 50).mapToObj(i -> writer.submit(List.of(sender + "/" + i)).getFirst()))
                    .toList();
            all.forEach(CompletableFuture::join);
        }
        assertThat(committed).hasSize(400);
        for (int sender = 0; sender < 8; sender++) {
            String prefix = sender + "/";
            List<Integer> order = committed.stream().filter(s -> s.startsWith(prefix))
                    .map(s -> Integer.parseInt(s.substring(prefix.length()))).toList();
            assertThat(order).isSorted().hasSize(50);
        }
        assertThat(groupSizes).allMatch(size -> size <= 7);
    }

    @Test
    void aFailedGroupFailsEveryItemOfIt() {
        try (GroupCommitter<String, String> writer = new GroupCommitter<>("test-writer", 100, group -> {
            throw new IllegalStateException("database gone");
        })) {
            List<CompletableFuture<String>> results = writer.submit(List.of("a", "b"));
            for (CompletableFuture<String> result : results) {
                assertThatThrownBy(result::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("database gone");
            }
        }
    }
}
