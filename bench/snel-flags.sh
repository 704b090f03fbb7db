# Sourced by bench/peers.sh and bench/paired.sh: the JVM flags they give Snel by default, the
# production flags of docs/deployment-jvm.md (which says why each is there; examples/run uses the
# same, chosen per JDK, and adds the answers to the class-path lookups that its many jars make
# costly: the bench app is one jar). Their SNEL_JVM_OPTS replaces them.
# shellcheck disable=SC2034  # used by the scripts that source this
SNEL_PRODUCTION_FLAGS="--add-opens java.base/java.lang=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dio.netty.noUnsafe=false -Dio.netty.jfr.enabled=false -XX:+UseSerialGC -Xms32m -Xmx128m -Xmn16m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -XX:-UsePerfData -XX:Tier3InvocationThreshold=1000 -XX:Tier3MinInvocationThreshold=500 -XX:Tier3CompileThreshold=10000 -XX:Tier3BackEdgeThreshold=300000 -XX:TrimNativeHeapInterval=5000"
