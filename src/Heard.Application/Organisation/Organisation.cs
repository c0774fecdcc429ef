namespace Heard.Application.Organisation;

/// <summary>A region groups operational service areas for regional performance boards.</summary>
public class Region
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public List<ServiceArea> ServiceAreas { get; } = [];
}

/// <summary>One of the 19 operational service areas; service managers and heads of practice are scoped to one.</summary>
public class ServiceArea
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public Guid RegionId { get; set; }
    public Region? Region { get; set; }
    public List<Team> Teams { get; } = [];
}

/// <summary>A team within a service area (or a national team such as complaints and correspondence).</summary>
public class Team
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public Guid? ServiceAreaId { get; set; }
    public ServiceArea? ServiceArea { get; set; }
}
