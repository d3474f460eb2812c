package io.brain.workers.connector.openai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.brain.core.testing.ScriptedModelServer;
import io.brain.core.testing.ScriptedModelServer.ToolCall;
import io.brain.core.testing.ScriptedModelServer.Usage;
import io.brain.workers.outbound.BlockedAddressException;
import io.brain.workers.outbound.OutboundHttpClient;
import io.brain.workers.outbound.OutboundHttpProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LangChain4j's real OpenAI clients over Brain's outbound stack, against a local
 * OpenAI-compatible server that plays scripted transcripts ({@link ScriptedModelServer}):
 * tool calls come back as LangChain4j's execution requests, and a streamed answer arrives
 * piece by piece, as OpenAI's API documents both.
 */
class OutboundChatHttpClientTests {

	static final String API_KEY = "sk-test-5a1Qm8Ze3Lp0Vr7Nc2Xw";

	static final ScriptedModelServer model = ScriptedModelServer.start(API_KEY);

	static final ObjectMapper json = new ObjectMapper();

	static final OutboundHttpClient allowed = outbound(List.of("127.0.0.1/32"));

	static final ToolSpecification PAUSE_CAMPAIGN = ToolSpecification.builder()
		.name("google_ads_pause_campaign")
		.description("Pauses a Google Ads campaign")
		.parameters(JsonObjectSchema.builder()
			.addStringProperty("campaignId", "the campaign's id")
			.required("campaignId")
			.build())
		.build();

	@BeforeEach
	void reset() {
		model.reset();
	}

	@AfterAll
	static void stop() {
		model.close();
	}

	@Test
	void chatWhenTheModelAsksForAToolThenItsCallComesBackAsAnExecutionRequest() {
		model.callTools(List.of(new ToolCall("call_1", "google_ads_pause_campaign", "{\"campaignId\":\"42\"}")),
				new Usage(120, 18));
		ChatResponse response = chat(allowed).chat(ChatRequest.builder()
			.messages(SystemMessage.from("You are a witty marketing expert."),
					UserMessage.from("Pause the campaign that loses money."))
			.toolSpecifications(PAUSE_CAMPAIGN)
			.build());
		assertThat(response.aiMessage().toolExecutionRequests()).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo("call_1");
			assertThat(call.name()).isEqualTo("google_ads_pause_campaign");
			assertThat(call.arguments()).isEqualTo("{\"campaignId\":\"42\"}");
		});
		assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(120);
		JsonNode sent = model.request(0);
		assertThat(sent.at("/model").asText()).isEqualTo("gpt-test");
		assertThat(sent.at("/messages/0/role").asText()).isEqualTo("system");
		assertThat(sent.at("/tools/0/function/name").asText()).isEqualTo("google_ads_pause_campaign");
		assertThat(sent.at("/tools/0/function/parameters/required/0").asText()).isEqualTo("campaignId");
	}

	@Test
	void streamWhenTheModelStreamsAnAnswerThenEachPieceArrivesInOrderAndTheWholeAtTheEnd() throws Exception {
		model.answer("Paused it: the campaign lost 40 EUR a day.", new Usage(200, 12));
		List<String> pieces = new CopyOnWriteArrayList<>();
		ChatResponse response = stream(allowed, pieces,
				ChatRequest.builder().messages(UserMessage.from("What did you do?")).build())
			.get(10, TimeUnit.SECONDS);
		assertThat(pieces).hasSizeGreaterThan(5);
		assertThat(String.join("", pieces)).isEqualTo("Paused it: the campaign lost 40 EUR a day.");
		assertThat(response.aiMessage().text()).isEqualTo("Paused it: the campaign lost 40 EUR a day.");
		assertThat(model.request(0).at("/stream").asBoolean()).isTrue();
	}

	@Test
	void streamWhenTheModelStreamsToolCallsThenEachArrivesWhole() throws Exception {
		model.callTools(
				List.of(new ToolCall("call_1", "google_ads_pause_campaign", "{\"campaignId\":\"42\"}"),
						new ToolCall("call_2", "google_ads_pause_campaign", "{\"campaignId\":\"43\"}")),
				new Usage(90, 30));
		ChatResponse response = stream(allowed, new CopyOnWriteArrayList<>(),
				ChatRequest.builder()
					.messages(UserMessage.from("Pause both."))
					.toolSpecifications(PAUSE_CAMPAIGN)
					.build())
			.get(10, TimeUnit.SECONDS);
		assertThat(response.aiMessage().toolExecutionRequests())
			.extracting(ToolExecutionRequest::id, ToolExecutionRequest::arguments)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("call_1", "{\"campaignId\":\"42\"}"),
					org.assertj.core.groups.Tuple.tuple("call_2", "{\"campaignId\":\"43\"}"));
	}

	@Test
	void streamWhenTheKeyIsRefusedThenTheHandlerIsToldAndNothingIsPlayed() throws Exception {
		model.answer("never", new Usage(1, 1));
		OpenAiStreamingChatModel wrongKey = OpenAiStreamingChatModel.builder()
			.httpClientBuilder(new OutboundChatHttpClient.Builder(allowed, json, "The model server"))
			.baseUrl(model.baseUrl())
			.apiKey("sk-wrong")
			.modelName("gpt-test")
			.timeout(Duration.ofSeconds(10))
			.build();
		CompletableFuture<Throwable> failed = new CompletableFuture<>();
		wrongKey.chat(ChatRequest.builder().messages(UserMessage.from("Hi")).build(),
				new StreamingChatResponseHandler() {
					@Override
					public void onPartialResponse(String partialResponse) {
					}

					@Override
					public void onCompleteResponse(ChatResponse completeResponse) {
						failed.completeExceptionally(new AssertionError("answered with a wrong key"));
					}

					@Override
					public void onError(Throwable error) {
						failed.complete(error);
					}
				});
		assertThat(failed.get(10, TimeUnit.SECONDS)).hasMessageContaining("401");
		assertThat(model.turnsLeft()).isOne();
	}

	@Test
	void streamWhenTheModelServersAddressIsNotAllowedThenRefusedBeforeAnyCall() throws Exception {
		model.answer("never", new Usage(1, 1));
		CompletableFuture<ChatResponse> answered = stream(outbound(List.of()), new CopyOnWriteArrayList<>(),
				ChatRequest.builder().messages(UserMessage.from("Hi")).build());
		assertThat(answered).failsWithin(Duration.ofSeconds(10))
			.withThrowableThat()
			.havingRootCause()
			.isInstanceOf(BlockedAddressException.class);
		assertThat(model.requests()).isEmpty();
	}

	private static OpenAiChatModel chat(OutboundHttpClient outbound) {
		return OpenAiChatModel.builder()
			.httpClientBuilder(new OutboundChatHttpClient.Builder(outbound, json, "The model server"))
			.baseUrl(model.baseUrl())
			.apiKey(API_KEY)
			.modelName("gpt-test")
			.maxRetries(0)
			.timeout(Duration.ofSeconds(10))
			.build();
	}

	private static CompletableFuture<ChatResponse> stream(OutboundHttpClient outbound, List<String> pieces,
			ChatRequest request) {
		OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder()
			.httpClientBuilder(new OutboundChatHttpClient.Builder(outbound, json, "The model server"))
			.baseUrl(model.baseUrl())
			.apiKey(API_KEY)
			.modelName("gpt-test")
			.timeout(Duration.ofSeconds(10))
			.build();
		CompletableFuture<ChatResponse> answered = new CompletableFuture<>();
		streaming.chat(request, new StreamingChatResponseHandler() {
			@Override
			public void onPartialResponse(String partialResponse) {
				pieces.add(partialResponse);
			}

			@Override
			public void onCompleteResponse(ChatResponse completeResponse) {
				answered.complete(completeResponse);
			}

			@Override
			public void onError(Throwable error) {
				answered.completeExceptionally(error);
			}
		});
		return answered;
	}

	private static OutboundHttpClient outbound(List<String> allowedNetworks) {
		return new OutboundHttpClient(new OutboundHttpProperties(allowedNetworks, Duration.ofSeconds(2),
				Duration.ofSeconds(10), Duration.ofSeconds(30), 1, Duration.ofMillis(100), Duration.ofSeconds(1)));
	}

}
