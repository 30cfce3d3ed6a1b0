package org.craftmark.server.certificates;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.SeasonOverHttp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two FINAL district contests set up through the API, 通州 and 朝阳, with recorded ranks: enough
 * winners for certificates, verification and HR lists. 张伟 wins 通州's 车工 and is promoted to 三级.
 */
final class Winners2026 {
    static final String ZHANG_WEI = Season.idNumber(7701);

    final long tongzhou;
    final long chaoyang;
    final String zhangWeiCertificate;

    private Winners2026(long tongzhou, long chaoyang, String zhangWeiCertificate) {
        this.tongzhou = tongzhou;
        this.chaoyang = chaoyang;
        this.zhangWeiCertificate = zhangWeiCertificate;
    }

    static Winners2026 create(SeasonOverHttp season, int salt) {
        season.regions();
        long tz = district(season, "2026 通州区职业技能大赛 " + salt, "110112", List.of("张伟", "李娜", "王强", "赵敏"), salt * 10);
        long cy = district(season, "2026 朝阳区职业技能大赛 " + salt, "110105", List.of("陈静", "杨洋", "周杰"), salt * 10 + 5);
        String certificate = season.get("/api/v1/contests/" + tz + "/entitlements").getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(i -> "张伟".equals(i.getString("name"))).findFirst().orElseThrow()
                .getString("certificateNo");
        return new Winners2026(tz, cy, certificate);
    }

    private static long district(SeasonOverHttp season, String name, String region, List<String> names, int first) {
        long contest = season.contest(name, "DISTRICT", region, null, 0, 2026, "CLASS_II");
        long event = season.event(contest, "6-18-01-01", "车工", "EMPLOYEE", "INDIVIDUAL", null, null);
        season.move(contest, "open");
        Map<Long, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String id = names.get(i).equals("张伟") ? ZHANG_WEI : Season.idNumber(7800 + first + i);
            ranks.put(season.enter(event, "A0" + (i + 1), SeasonOverHttp.competitor(names.get(i), id, "北京现代汽车有限公司",
                    "北京市工业技师学院", "L4")), i + 1);
        }
        season.move(contest, "start");
        season.record(event, ranks);
        season.move(contest, "publish");
        season.move(contest, "finalize");
        return contest;
    }
}
