package io.brain.workers.connector.http;

import java.util.Map;

/**
 * Output of the "send request" action.
 *
 * @param status the response status
 * @param headers the response headers (first value of each)
 * @param body the response body: parsed when it is JSON, else the text
 */
public record SendResult(int status, Map<String, String> headers, Object body) {

}
