using AutoMapper;
using AutoMapper.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using VideoTube.Application;
using VideoTube.Application.Common.Media;

namespace VideoTube.UnitTests;

public sealed class MappingConfigurationTests
{
    [Test]
    public void AutoMapper_configuration_is_valid()
    {
        using var provider = MapperProvider();

        var mapper = provider.GetRequiredService<IMapper>();

        mapper.ConfigurationProvider.AssertConfigurationIsValid();
    }

    [Test]
    public void No_map_switches_off_the_member_check()
    {
        using var provider = MapperProvider();
        var config = provider.GetRequiredService<IMapper>().ConfigurationProvider;

        // MemberList.None would exempt a map from AssertConfigurationIsValid: every destination member must be mapped.
        var exempt = config.Internal().GetAllTypeMaps().Where(map => map.ConfiguredMemberList == MemberList.None)
            .Select(map => map.Types.ToString());
        Assert.That(exempt, Is.Empty);
    }

    private static ServiceProvider MapperProvider()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddAutoMapper(MediaMappingProfile.Conventions, typeof(DependencyInjection).Assembly);
        return services.BuildServiceProvider();
    }
}
