package io.brain.infra.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ManagedProcessTests {

	@TempDir
	Path directory;

	@Test
	void awaitHealthyWhenProcessDiesThenReportsExitCodeAndLastThirtyLogLines() {
		ManagedProcess failing = ManagedProcess.start("workers",
				List.of("bash", "-c", "for i in $(seq 1 40); do echo line $i; done; exit 3"), Map.of(), this.directory,
				this.directory.resolve("logs/workers.log"));

		PlatformException failure = catchThrowableOfType(PlatformException.class, () -> failing
			.awaitHealthy(URI.create("http://127.0.0.1:" + Ports.free() + "/"), Duration.ofSeconds(30)));

		assertThat(failure).hasMessage("workers stopped while starting (exit code 3)");
		assertThat(failure.logTail()).hasSize(30).startsWith("line 11").endsWith("line 40");
	}

	@Test
	void awaitHealthyWhenNeverHealthyThenTimesOutWithLog() {
		ManagedProcess silent = ManagedProcess.start("api", List.of("bash", "-c", "echo starting; sleep 30"), Map.of(),
				this.directory, this.directory.resolve("api.log"));
		try {
			assertThatThrownBy(() -> silent.awaitHealthy(URI.create("http://127.0.0.1:" + Ports.free() + "/health"),
					Duration.ofSeconds(1)))
				.isInstanceOf(PlatformException.class)
				.hasMessageStartingWith("api did not become healthy within 1 s")
				.satisfies((ex) -> assertThat(((PlatformException) ex).logTail()).containsExactly("starting"));
		}
		finally {
			silent.stop(Duration.ofSeconds(5));
		}
		assertThat(silent.isAlive()).isFalse();
	}

}
