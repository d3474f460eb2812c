package io.brain.workers.connector.zohocrm;

/**
 * What Zoho CRM answered about the record it created or changed.
 *
 * @param id the record's id
 * @param module its module
 * @param modifiedTime when Zoho CRM last changed it (ISO 8601)
 */
public record RecordResult(String id, String module, String modifiedTime) {

}
