# The server, built from source. Production settings come from the environment (see docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY migrations/ migrations/
COPY themes/ themes/
RUN dotnet restore src/IdpSmsReset.Server/IdpSmsReset.Server.csproj
RUN dotnet publish src/IdpSmsReset.Server/IdpSmsReset.Server.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's unprivileged "app" user; nothing in /app is writable by it.
USER $APP_UID
ENV ASPNETCORE_ENVIRONMENT=Production \
    Idp__Database__Provider=SqlServer
EXPOSE 8080 8443
ENTRYPOINT ["dotnet", "IdpSmsReset.Server.dll"]
