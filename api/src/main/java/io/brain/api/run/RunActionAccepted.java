package io.brain.api.run;

import java.util.List;

/**
 * The engine accepted an action on a run; the run's state follows as the engine reports
 * it.
 *
 * @param id the run
 * @param action what was done: {@code RETRY} or {@code CANCEL}
 * @param resolvedIncidents the incidents a retry resolved
 */
public record RunActionAccepted(String id, String action, List<String> resolvedIncidents) {

}
