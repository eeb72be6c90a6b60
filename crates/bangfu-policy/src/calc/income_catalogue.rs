//! The guided item list of the income sheet: typical items under each category, the items
//! recorded but not counted, and the often-missed items a cadre ticks through so that nothing
//! is forgotten ("应统尽统", Plan 附件2 第16条). Lists per rules.md §1 and facts.md B2, B4, B6.

use super::income::Category;
use crate::sources::Source;

/// One suggested item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suggestion {
    pub category: Category,
    pub item: &'static str,
    /// A plain-words reminder of what the item covers.
    pub note: &'static str,
}

const fn s(category: Category, item: &'static str, note: &'static str) -> Suggestion {
    Suggestion {
        category,
        item,
        note,
    }
}

use Category::{Excluded, Operating, Property, Transfer, Wage};

/// Typical items per category (rules.md §1), in the order the sheet lists them.
pub const TYPICAL_ITEMS: &[Suggestion] = &[
    s(Wage, "县外务工", "外出打工的工资（应发工资）"),
    s(Wage, "县内务工", "在本县企业、工地上班"),
    s(Wage, "零工", "就近打零工、农忙帮工"),
    s(Wage, "公益性岗位工资", "乡村公益性岗位的报酬"),
    s(Wage, "其他工资性收入", ""),
    s(
        Operating,
        "种植业",
        "粮食、蔬菜、瓜果、经济作物，含自家吃的按市价折算",
    ),
    s(Operating, "养殖业", "只算出栏（卖出或宰杀）的牲畜家禽"),
    s(Operating, "林果业", ""),
    s(Operating, "二三产业经营", "小卖部、运输、餐饮、加工等"),
    s(Operating, "其他经营性收入", ""),
    s(Property, "土地流转租金", ""),
    s(Property, "房屋、农机出租", ""),
    s(Property, "入股分红", "村集体、光伏、合作社分红"),
    s(Property, "存款利息", ""),
    s(Property, "其他财产性收入", ""),
    s(Transfer, "低保金", ""),
    s(Transfer, "特困供养金", ""),
    s(Transfer, "养老金、退休金", "城乡居民基本养老保险等"),
    s(Transfer, "计划生育金", ""),
    s(Transfer, "生态补偿金", "退耕还林、公益林、草原补奖"),
    s(Transfer, "耕地地力保护补贴等惠农补贴", ""),
    s(Transfer, "赡养费", "不在一起生活的子女给的"),
    s(Transfer, "其他经常性转移收入", "非常住成员寄回带回的钱等"),
    s(Excluded, "易地搬迁补助", "有专项用途，不计入"),
    s(Excluded, "危房改造、农房抗震改造补助", "有专项用途，不计入"),
    s(Excluded, "圈舍改造补助", "有专项用途，不计入"),
    s(Excluded, "慰问金", "临时性，不计入"),
    s(Excluded, "临时救助金", "临时性，不计入"),
    s(Excluded, "一次性救济金", "临时性，不计入"),
];

/// The often-missed items (常见漏计项目, facts.md B6) the cadre asks about one by one.
pub const OFTEN_MISSED: &[Suggestion] = &[
    s(Wage, "零工", "农闲时打的零工、帮工"),
    s(Property, "村集体分红", "村集体、合作社、光伏分红"),
    s(
        Transfer,
        "耕地地力保护补贴等惠农补贴",
        "打到“一卡通”里的各类补贴",
    ),
    s(Property, "房屋、车辆、农机出租", ""),
    s(Transfer, "赡养费", "子女给的赡养费"),
    s(Transfer, "养老金、退休金", "60 岁以上老人的养老金"),
    s(Transfer, "其他经常性转移收入", "在外家人寄回、带回的钱"),
    s(Operating, "养殖业", "自家宰杀吃掉的牲畜也要折价计入"),
];

/// Where the lists come from (应统尽统).
pub const CATALOGUE_SOURCE: Source = Source::Annex2(16);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_has_suggestions_and_no_item_is_listed_twice() {
        for c in Category::ALL {
            assert!(TYPICAL_ITEMS.iter().any(|s| s.category == c), "{c:?}");
        }
        let mut names: Vec<(Category, &str)> =
            TYPICAL_ITEMS.iter().map(|s| (s.category, s.item)).collect();
        names.sort_by_key(|(c, n)| (c.code(), *n));
        names.dedup();
        assert_eq!(names.len(), TYPICAL_ITEMS.len());
    }
}
