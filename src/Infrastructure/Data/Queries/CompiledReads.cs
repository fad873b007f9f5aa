using AutoMapper;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Dashboard;
using VideoTube.Application.Users;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Queries;

/// <summary>
/// The hottest single-statement reads as EF Core compiled queries (<see cref="CompiledProjection"/>), compiled once
/// per mapping configuration: a singleton the scoped query classes call with their own context. EF's compiled async
/// scalar queries take no cancellation token; these are one-row reads, still bounded by Database:CommandTimeout.
/// </summary>
public sealed class CompiledReads(IConfigurationProvider mapping)
{
    /// <summary>Through Identity's unique normalized-name index; <c>callerId</c> is the profile's point of view.</summary>
    public Func<ApplicationDbContext, string, Guid, Task<ChannelProfileDto?>> ChannelProfile { get; } =
        EF.CompileAsyncQuery(CompiledProjection.SingleOrDefault<ApplicationDbContext, string, Guid, User, ChannelProfileDto>(
            mapping, (db, normalizedUserName, callerId) => db.Users.Where(u => u.NormalizedUserName == normalizedUserName)));

    public Func<ApplicationDbContext, Guid, Task<ChannelStatsDto?>> ChannelStats { get; } =
        EF.CompileAsyncQuery(CompiledProjection.SingleOrDefault<ApplicationDbContext, Guid, User, ChannelStatsDto>(
            mapping, (db, ownerId) => db.Users.Where(u => u.Id == ownerId)));
}
