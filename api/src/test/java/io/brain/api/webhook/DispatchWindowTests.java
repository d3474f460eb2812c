package io.brain.api.webhook;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DispatchWindowTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final DispatchWindow window = new DispatchWindow(32, Duration.ofMillis(25), this.now::get);

	@Test
	void windowWhenEngineTakesEverythingThenRoomIsTheMostAllowedLessWhatIsWithTheEngine() {
		assertThat(this.window.room(0)).isEqualTo(32);
		assertThat(this.window.room(30)).isEqualTo(2);
		assertThat(this.window.room(40)).isZero();
		this.window.taken();
		assertThat(this.window.size()).isEqualTo(32);
	}

	@Test
	void windowWhenEngineAnswersBackPressureThenHalvesOncePerPauseAndSendsNothingDuringIt() {
		this.window.busy();
		this.window.busy();
		this.window.busy();
		assertThat(this.window.size()).isEqualTo(16);
		assertThat(this.window.room(0)).isZero();
		assertThat(this.window.calmNanos()).isEqualTo(Duration.ofMillis(25).toNanos());

		this.now.addAndGet(Duration.ofMillis(25).toNanos());
		assertThat(this.window.room(4)).isEqualTo(12);
		this.window.busy();
		assertThat(this.window.size()).isEqualTo(8);
	}

	@Test
	void windowWhenEngineStaysBusyThenKeepsOneAndRegainsOneForEachTransactionTaken() {
		for (int round = 0; round < 10; round++) {
			this.window.busy();
			this.now.addAndGet(Duration.ofMillis(25).toNanos());
		}
		assertThat(this.window.size()).isEqualTo(1);
		assertThat(this.window.room(0)).isEqualTo(1);
		for (int taken = 0; taken < 40; taken++) {
			this.window.taken();
		}
		assertThat(this.window.size()).isEqualTo(32);
	}

}
