package io.brain.engine.operaton;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operaton's activity types read as Zeebe names elements and events, so the Runs page
 * shows a step alike on both engines.
 */
class OperatonRunHistoryTests {

	@ParameterizedTest
	@CsvSource(nullValues = "-", value = { "serviceTask, SERVICE_TASK, -", "callActivity, CALL_ACTIVITY, -",
			"exclusiveGateway, EXCLUSIVE_GATEWAY, -", "multiInstanceBody, MULTI_INSTANCE_BODY, -",
			"startEvent, START_EVENT, -", "messageStartEvent, START_EVENT, MESSAGE",
			"timerStartEvent, START_EVENT, TIMER", "noneEndEvent, END_EVENT, -", "errorEndEvent, END_EVENT, ERROR",
			"terminateEndEvent, END_EVENT, TERMINATE", "boundaryTimer, BOUNDARY_EVENT, TIMER",
			"boundaryError, BOUNDARY_EVENT, ERROR", "intermediateTimer, INTERMEDIATE_CATCH_EVENT, TIMER",
			"intermediateMessageCatch, INTERMEDIATE_CATCH_EVENT, MESSAGE",
			"intermediateSignalThrow, INTERMEDIATE_THROW_EVENT, SIGNAL",
			"intermediateNoneThrowEvent, INTERMEDIATE_THROW_EVENT, -" })
	void zeebeTypeWhenOperatonNamesAnActivityThenElementAndEventAsZeebeNamesThem(String activityType, String element,
			String event) {
		assertThat(OperatonRunHistory.zeebeType(activityType)).containsExactly(element, event);
	}

	@ParameterizedTest
	@CsvSource({ "notify#multiInstanceBody, notify", "notify, notify", "Action_1, Action_1" })
	void elementIdWhenOperatonNamesAMultiInstanceBodyThenTheStepsOwnIdAsZeebeNamesIt(String activityId,
			String elementId) {
		assertThat(OperatonRunHistory.elementId(activityId)).isEqualTo(elementId);
	}

}
