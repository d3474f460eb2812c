# The search for a JDK 21 or newer, shared by ./brain and .ci/run (sourced, not run).
#
# find_jdk sets JAVA_HOME to the first JDK 21+ (a java and a javac, as the build needs) among:
# JAVA_HOME, the java on the PATH, then the newest under /usr/lib/jvm (Linux packages) and
# /Library/Java/JavaVirtualMachines (macOS installers); BRAIN_JDK_DIRS replaces those two folders
# (space-separated) for JDKs kept elsewhere. When there is none it returns 1 and leaves
# JAVA_HOME as it was; JDK_SEARCHED then says what it found and why each did not do.

# The major version of a java executable, or nothing when it does not answer.
jdk_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ {split($2, v, "."); print v[1]; exit}'
}

# Whether $1 is the home of a JDK 21+; sets JDK_MAJOR, or notes in JDK_SEARCHED why not.
jdk_usable() {
  local home="$1"
  JDK_MAJOR=""
  if [[ ! -x "$home/bin/java" ]]; then
    JDK_SEARCHED+="${JDK_SEARCHED:+, }$home (no bin/java)"
    return 1
  fi
  local major
  major="$(jdk_major "$home/bin/java" || true)"
  if [[ -z "$major" || "$major" -lt 21 ]]; then
    JDK_SEARCHED+="${JDK_SEARCHED:+, }$home (Java ${major:-of unknown version})"
    return 1
  fi
  if [[ ! -x "$home/bin/javac" ]]; then
    JDK_SEARCHED+="${JDK_SEARCHED:+, }$home (Java $major without javac)"
    return 1
  fi
  JDK_MAJOR="$major"
}

find_jdk() {
  JDK_SEARCHED=""
  # Callers may run with `set -u`, and JAVA_HOME is often not set at all.
  local current="${JAVA_HOME:-}"
  current="${current%/}"
  if [[ -n "$current" ]] && jdk_usable "$current"; then
    return 0
  fi
  local java="" home=""
  java="$(command -v java || true)"
  if [[ -n "$java" ]]; then
    home="$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.home/ {print $2; exit}')"
    if [[ -n "$home" && "$home" != "$current" ]] && jdk_usable "$home"; then
      export JAVA_HOME="$home"
      return 0
    fi
  fi
  local best="" best_major=0 seen=" " directory candidate real
  for directory in ${BRAIN_JDK_DIRS:-/usr/lib/jvm /Library/Java/JavaVirtualMachines}; do
    for candidate in "$directory"/*/; do
      candidate="${candidate%/}"
      [[ -d "$candidate" ]] || continue
      # macOS keeps a JDK's home under Contents/Home of its bundle.
      [[ -d "$candidate/Contents/Home" ]] && candidate="$candidate/Contents/Home"
      # Linux distributions link the same JDK under several names: look at each once.
      real="$(cd -P "$candidate" && pwd)"
      [[ "$seen" == *" $real "* || "$real" == "$current" || "$real" == "$home" ]] && continue
      seen+="$real "
      jdk_usable "$candidate" || continue
      if [[ "$JDK_MAJOR" -gt "$best_major" ]]; then
        best="$candidate"
        best_major="$JDK_MAJOR"
      fi
    done
  done
  [[ -n "$best" ]] || return 1
  JDK_MAJOR="$best_major"
  export JAVA_HOME="$best"
}
