{{- define "brain.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "brain.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "brain.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* The engine choice, checked once for every template that needs it. */}}
{{- define "brain.engineType" -}}
{{- $type := .Values.engine.type -}}
{{- if not (has $type (list "operaton" "zeebe")) -}}
{{- fail (printf "engine.type must be operaton or zeebe, not %q" $type) -}}
{{- end -}}
{{- if and (eq $type "zeebe") (not .Values.engine.zeebe.address) -}}
{{- fail "engine.type zeebe needs engine.zeebe.address (host:port of the cluster's gateway)" -}}
{{- end -}}
{{- $type -}}
{{- end -}}

{{/* Secrets both the api and the workers read, from the existing Secret. */}}
{{- define "brain.secretEnv" -}}
- name: BRAIN_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ required "existingSecret is required" .Values.existingSecret }}
      key: BRAIN_DB_PASSWORD
{{- if .Values.vault.address }}
- name: VAULT_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: VAULT_TOKEN
      optional: true
- name: VAULT_ROLE_ID
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: VAULT_ROLE_ID
      optional: true
- name: VAULT_SECRET_ID
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: VAULT_SECRET_ID
      optional: true
{{- else }}
- name: BRAIN_MASTER_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.existingSecret }}
      key: BRAIN_MASTER_KEY
{{- end }}
{{- end -}}

{{- define "brain.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "brain.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}
