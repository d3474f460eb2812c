// Checks the connector element templates the build generates into process-models against the
// Zeebe element templates JSON schema, with the validator Camunda's modeler uses, so the modeler
// offers every connector action with its fields.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { validateZeebe } from '@bpmn-io/element-templates-validator';

const folder = new URL('../../process-models/src/main/resources/element-templates/', import.meta.url);
const templates = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name, template: JSON.parse(readFileSync(new URL(name, folder), 'utf8')) }));

test('there are generated element templates to check', () => {
  assert.ok(templates.length >= 3, `only ${templates.length} templates in ${folder}`);
});

for (const { name, template } of templates) {
  test(`${name} is valid against the Zeebe element templates schema`, () => {
    const { valid, errors } = validateZeebe(template);
    assert.ok(valid, `${name}: ${JSON.stringify(errors, null, 2)}`);
  });

  test(`${name} binds a Brain job type and hides no credentials`, () => {
    const type = template.properties.find((property) => property.binding?.property === 'type');
    assert.match(type?.value ?? '', /^io\.brain:[a-z0-9-]+:\d+$/);
    for (const property of template.properties) {
      assert.doesNotMatch(property.binding?.name ?? '', /password|secret|apiKey|accessToken|refreshToken|^token$/i, `${name}: ${property.id}`);
    }
  });
}

test('a broken template is refused, so the check above can fail', () => {
  const { valid } = validateZeebe({ name: 'Broken', id: 'broken', appliesTo: ['bpmn:Task'], properties: [{ binding: {} }] });
  assert.equal(valid, false);
});
