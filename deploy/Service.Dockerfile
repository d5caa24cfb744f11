# Builds one service: docker build --build-arg PROJECT=services/Application/Visitation.Application.csproj
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG PROJECT
WORKDIR /src
COPY . .
RUN dotnet publish "$PROJECT" -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 Kestrel__EndpointDefaults__Protocols=Http2
ENTRYPOINT ["sh", "-c", "exec dotnet $(ls *.deps.json | grep -E '^Visitation\\.(Application|BureauReview|PrisonApproval|Scheduling|Notification|AuditStore|Identity|Console|DevSmsGateway)\\.deps\\.json$' | sed 's/.deps.json$/.dll/')"]
