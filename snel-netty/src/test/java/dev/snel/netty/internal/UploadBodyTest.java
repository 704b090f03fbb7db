package dev.snel.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * What a streamed upload may buffer is bounded by what it costs, not only by its bytes: a chunked
 * body of one-byte chunks arrives as one buffer object per byte (Netty's decoder hands out retained
 * slices of its read buffer), so counting bytes alone let 256 Ki of them wait per connection, tens
 * of MiB of objects. Through the buffer directly: the kernel's socket buffers hide the difference
 * from a client over a real connection.
 */
class UploadBodyTest {
  @Test
  void one_byte_chunks_stop_the_reading_long_before_256_ki_of_them() throws IOException {
    EmbeddedChannel channel = new EmbeddedChannel();
    UploadBody body = new UploadBody(channel, new ReadGate());
    int offered = 0;
    while (channel.config().isAutoRead() && offered < 10_000) {
      body.offer(Unpooled.wrappedBuffer(new byte[] {'x'}));
      offered++;
    }
    assertThat(channel.config().isAutoRead()).as("reading after " + offered + " chunks").isFalse();
    // read down, the connection reads again
    byte[] sink = new byte[1];
    for (int i = 0; i < offered; i++) {
      assertThat(body.read(sink, 0, 1)).isEqualTo(1);
    }
    channel.runPendingTasks();
    assertThat(channel.config().isAutoRead()).isTrue();
    body.abandon();
    channel.finishAndReleaseAll();
  }

  @Test
  void large_chunks_still_fill_the_buffer_to_its_water_mark() {
    EmbeddedChannel channel = new EmbeddedChannel();
    UploadBody body = new UploadBody(channel, new ReadGate());
    long offered = 0;
    while (channel.config().isAutoRead()) {
      body.offer(Unpooled.wrappedBuffer(new byte[8192]));
      offered += 8192;
    }
    assertThat(offered).isGreaterThan(UploadBody.HIGH_WATER * 9L / 10);
    body.abandon();
    channel.finishAndReleaseAll();
  }
}
