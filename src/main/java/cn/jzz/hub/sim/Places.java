package cn.jzz.hub.sim;

/** The places of the simulated world: grids, compounds (小区), buildings and houses. */
public final class Places {

  private Places() {}

  /** 网格: {@code code} = community code + 3-digit sequence. */
  public record Grid(String code, String name, String communityCode, String workerName, String workerPhone) {}

  /**
   * 小区: {@code type} 1 商品房, 2 老旧, 3 单位院落, 4 安置, 5 开放式街区; {@code propertyCompany} null =
   * 无物业.
   */
  public record Compound(String code, String name, String communityCode, String type, String propertyCompany, String street, int streetNo) {}

  /** 楼栋: {@code ldh} as 住建 wrote it (3, 3号楼, 三号楼, 3#). */
  public record Building(String code, String compoundCode, int number, String ldh, int units, int floors, String gridCode) {}

  /**
   * 房屋: {@code use} fwyt (1 住宅, 2 商住, 3 商业, 4 办公, 9 其他), {@code tenure} cqxz text,
   * {@code unitNo} the 不动产单元号.
   */
  public record House(String code, String buildingCode, int unit, int floor, String room, String use, String tenure, String unitNo) {}
}
