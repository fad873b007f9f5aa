using AutoMapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using VideoTube.Application;

namespace VideoTube.UnitTests;

public sealed class MappingConfigurationTests
{
    [Test]
    public void AutoMapper_configuration_is_valid()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddAutoMapper(_ => { }, typeof(DependencyInjection).Assembly);
        using var provider = services.BuildServiceProvider();

        var mapper = provider.GetRequiredService<IMapper>();

        mapper.ConfigurationProvider.AssertConfigurationIsValid();
    }
}
