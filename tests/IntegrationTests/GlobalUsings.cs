global using VideoTube.IntegrationTests.Infrastructure;
