# syntax=docker/dockerfile:1
# The 济智治 Data Hub, production image. Build: docker build -t jzz-hub .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline || true
COPY src ./src
RUN mvn -B -q -DskipTests package && cp target/hub.jar /hub.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system hub && useradd --system --gid hub --home-dir /app --shell /usr/sbin/nologin hub \
 && mkdir -p /app /data && chown hub:hub /data
WORKDIR /app
COPY --from=build /hub.jar /app/hub.jar
COPY schemas/ /app/schemas/
COPY mappings/ /app/mappings/
COPY connectors/ /app/connectors/
COPY routes/ /app/routes/
ENV HUB_DATA_DIR=/data \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
USER hub
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/hub.jar --spring.profiles.active=prod \"$@\"", "hub"]
