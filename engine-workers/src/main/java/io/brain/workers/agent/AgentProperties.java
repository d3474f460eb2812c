package io.brain.workers.agent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How agents run in the workers ({@code brain.agents.*}; budgets and prices are
 * {@code io.brain.core.agent.AgentBudgets}).
 *
 * @param memoryWindow how many of a session's latest messages the model sees
 * @param maxToolResultCharacters how much of a tool's result the model sees; the rest is
 * cut off, and the model is told so
 */
@ConfigurationProperties("brain.agents")
public record AgentProperties(@DefaultValue("20") int memoryWindow, @DefaultValue("8000") int maxToolResultCharacters) {

}
