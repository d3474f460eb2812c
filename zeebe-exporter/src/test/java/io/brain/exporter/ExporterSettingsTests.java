package io.brain.exporter;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ExporterSettingsTests {

	@Test
	void fromWhenArgumentsComeFromEnvironmentVariablesThenLowercaseNamesMatch() {
		ExporterSettings settings = ExporterSettings.from(Map.of("jdbcurl", "jdbc:postgresql://db:5432/brain",
				"username", "brain_app", "password", "s3cret", "batchsize", "50", "flushintervalms", "250"), Map.of());

		assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/brain");
		assertThat(settings.username()).isEqualTo("brain_app");
		assertThat(settings.password()).isEqualTo("s3cret");
		assertThat(settings.batchSize()).isEqualTo(50);
		assertThat(settings.flushInterval()).isEqualTo(Duration.ofMillis(250));
		assertThat(settings.toString()).doesNotContain("s3cret");
	}

	@Test
	void fromWhenNoArgumentsThenTheApplicationsEnvironmentVariablesServe() {
		ExporterSettings settings = ExporterSettings.from(null,
				Map.of("BRAIN_DB_URL", "jdbc:postgresql://127.0.0.1:5433/brain", "BRAIN_DB_USER", "brain_app"));

		assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5433/brain");
		assertThat(settings.password()).isNull();
		assertThat(settings.batchSize()).isEqualTo(500);
		assertThat(settings.maxVariableSize()).isEqualTo(8192);
	}

	@Test
	void fromWhenDatabaseIsNotNamedOrNumberIsNotOneThenRefusesNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> ExporterSettings.from(Map.of(), Map.of()))
			.withMessageContaining("jdbcUrl");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ExporterSettings.from(Map.of("jdbcUrl", "jdbc:mysql://db/brain"), Map.of()))
			.withMessageContaining("PostgreSQL");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ExporterSettings
				.from(Map.of("jdbcUrl", "jdbc:postgresql://db/brain", "username", "u", "batchSize", "many"), Map.of()))
			.withMessageContaining("batchSize");
	}

}
