using AutoMapper;
using System.Linq.Expressions;
using System.Reflection;
using AutoMapper.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using VideoTube.Application;
using VideoTube.Application.Common.Media;
using VideoTube.Domain.Entities;

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

    [Test]
    public void Stored_media_keys_reach_responses_only_as_MediaUrl()
    {
        using var provider = MapperProvider();
        var config = provider.GetRequiredService<IMapper>().ConfigurationProvider;

        // A key mapped into a plain string would be sent as if it were a URL; MediaUrl is what the JSON writer turns
        // into one. Keys are the entities' string *Key properties (AvatarKey, VideoFileKey, ...).
        var leaks = (from map in config.Internal().GetAllTypeMaps()
                     from member in map.PropertyMaps
                     where !IsMediaUrl(member.DestinationType) && ReadsMediaKey(member)
                     select $"{map.Types.DestinationType.Name}.{member.DestinationName}").ToList();
        var mediaMembers = config.Internal().GetAllTypeMaps().SelectMany(map => map.PropertyMaps)
            .Count(member => IsMediaUrl(member.DestinationType) && ReadsMediaKey(member));

        Assert.That(leaks, Is.Empty);
        Assert.That(mediaMembers, Is.GreaterThanOrEqualTo(5), "the check sees avatar, cover, video file, thumbnail and HLS maps");
    }

    [Test]
    public void Media_fields_of_responses_are_MediaUrl()
    {
        string[] mediaNames = ["Avatar", "CoverImage", "VideoFile", "Thumbnail", "Hls"];
        var strings = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(type => type.Name.EndsWith("Dto", StringComparison.Ordinal))
            .SelectMany(type => type.GetProperties().Select(property => (type, property)))
            .Where(p => mediaNames.Contains(p.property.Name) && !IsMediaUrl(p.property.PropertyType))
            .Select(p => $"{p.type.Name}.{p.property.Name}");

        Assert.That(strings, Is.Empty);
    }

    /// <summary>A file that may not exist yet (a video's HLS renditions) is a nullable MediaUrl, null in JSON.</summary>
    private static bool IsMediaUrl(Type type) => type == typeof(MediaUrl) || type == typeof(MediaUrl?);

    private static bool ReadsMediaKey(PropertyMap member)
    {
        static bool IsMediaKey(MemberInfo info) =>
            info is PropertyInfo { PropertyType.Name: nameof(String) } property
            && property.DeclaringType?.Namespace == typeof(Video).Namespace
            && property.Name.EndsWith("Key", StringComparison.Ordinal);

        if (member.SourceMembers.Length > 0 && IsMediaKey(member.SourceMembers[^1]))
            return true;
        return member.CustomMapExpression is { } expression && new MemberFinder(IsMediaKey).Finds(expression);
    }

    private sealed class MemberFinder(Func<MemberInfo, bool> predicate) : ExpressionVisitor
    {
        private bool _found;

        public bool Finds(Expression expression)
        {
            Visit(expression);
            return _found;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            _found |= predicate(node.Member);
            return base.VisitMember(node);
        }
    }

    private static ServiceProvider MapperProvider()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddAutoMapper(MediaMappingProfile.Conventions, typeof(DependencyInjection).Assembly);
        return services.BuildServiceProvider();
    }
}
