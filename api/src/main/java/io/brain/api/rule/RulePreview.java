package io.brain.api.rule;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The diagram a rule generates, and what saving it would refuse.
 *
 * @param bpmnXml the executable BPMN with its diagram layout; absent when the rule is too
 * incomplete to draw
 * @param problems what is wrong; none when the rule may be saved
 */
public record RulePreview(@Schema(nullable = true) String bpmnXml, List<RuleProblem> problems) {

}
