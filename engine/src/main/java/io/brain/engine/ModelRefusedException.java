package io.brain.engine;

import java.util.List;

/**
 * A model the engine cannot run as it was drawn; nothing was deployed.
 */
public class ModelRefusedException extends RuntimeException {

	private final List<ModelProblem> problems;

	public ModelRefusedException(List<ModelProblem> problems) {
		super(problems.isEmpty() ? "The model was refused." : problems.get(0).message());
		this.problems = List.copyOf(problems);
	}

	public List<ModelProblem> problems() {
		return this.problems;
	}

}
