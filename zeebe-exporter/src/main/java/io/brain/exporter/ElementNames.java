package io.brain.exporter;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The names a BPMN gives the elements of one process, by element id. Records name
 * elements by id only; the timeline shows what the author called them.
 */
final class ElementNames {

	private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private static final XMLInputFactory factory = factory();

	private ElementNames() {
	}

	/**
	 * @param bpmn the deployed resource
	 * @param processId the process whose elements to name
	 * @return a JSON object of element id to name; empty when the resource cannot be read
	 */
	static String json(byte[] bpmn, String processId) {
		Map<String, String> names = read(bpmn, processId);
		StringBuilder json = new StringBuilder("{");
		names.forEach((id, name) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			quote(json, id).append(':');
			quote(json, name);
		});
		return json.append('}').toString();
	}

	static Map<String, String> read(byte[] bpmn, String processId) {
		Map<String, String> names = new LinkedHashMap<>();
		if (bpmn == null) {
			return names;
		}
		XMLStreamReader reader = null;
		try {
			reader = factory.createXMLStreamReader(new ByteArrayInputStream(bpmn));
			int depthInProcess = 0;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String id = reader.getAttributeValue(null, "id");
					boolean bpmnElement = BPMN.equals(reader.getNamespaceURI());
					if (depthInProcess > 0) {
						depthInProcess++;
					}
					else if (bpmnElement && "process".equals(reader.getLocalName()) && processId.equals(id)) {
						depthInProcess = 1;
					}
					String name = reader.getAttributeValue(null, "name");
					if (depthInProcess > 0 && bpmnElement && id != null && name != null && !name.isBlank()) {
						names.put(id, name.strip());
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT && depthInProcess > 0) {
					depthInProcess--;
				}
			}
		}
		catch (XMLStreamException | RuntimeException ex) {
			// The engine accepted the resource; names are a nicety it can do without.
			return names;
		}
		finally {
			close(reader);
		}
		return names;
	}

	private static StringBuilder quote(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"');
	}

	private static void close(XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (XMLStreamException ex) {
				// nothing left to read
			}
		}
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		return factory;
	}

}
