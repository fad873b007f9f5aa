using VideoTube.WebApi.OpenApi;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>One class per feature maps that feature's routes; groups are discovered, so Program.cs never changes.</summary>
public interface IEndpointGroup
{
    /// <summary>Route prefix, e.g. <c>/api/v1/videos</c>.</summary>
    static abstract string Prefix { get; }

    static abstract void Map(RouteGroupBuilder group);
}

public static class EndpointGroupExtensions
{
    public static WebApplication MapEndpointGroups(this WebApplication app)
    {
        var groups = typeof(IEndpointGroup).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IEndpointGroup)));
        foreach (var type in groups)
        {
            var prefix = (string)type.GetProperty(nameof(IEndpointGroup.Prefix))!.GetValue(null)!;
            var group = app.MapGroup(prefix).WithTags(type.Name).DescribeCommonErrors();
            type.GetMethod(nameof(IEndpointGroup.Map))!.Invoke(null, [group]);
        }
        return app;
    }
}
