# One image per service: docker build --build-arg SERVICE=gateway .
# SERVICE is one of gateway, discovery-worker, resolver-worker, executor-worker, audit-sink.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY schemas schemas
COPY platform platform
COPY gateway gateway
COPY discovery-worker discovery-worker
COPY resolver-worker resolver-worker
COPY executor-worker executor-worker
COPY audit-sink audit-sink
COPY local-stack/pom.xml local-stack/pom.xml
ARG SERVICE=gateway
RUN ./mvnw -B -q -DskipTests -pl "${SERVICE}" -am package \
    && cp "${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar" /service.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 mmo
USER mmo
COPY --from=build /service.jar /app/service.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
