// Cheap pre-filters shared by claim kinds: most sentences carry no figure and no leader wording.

/** A percentage: growth rates and shares. */
export const PERCENT_CUE = /%|\bper ?cent\b/i;
/** A currency: market sizes. */
export const MONEY_CUE =
  /[$€£₹¥₩]|\b(?:USD|EUR|GBP|INR|Rs|JPY|CNY|RMB|AUD|CAD|CHF|KRW|SGD|HKD|NZD|BRL|SEK|NOK|DKK|ZAR|AED|SAR|dollars|euros?|pounds|rupees|yen|yuan|won|crores?|lakhs?)\b/;
/** Words naming a leader: the largest share or the fastest growth. */
export const LEADER_CUE =
  /\bdomina|\blead(?:s|ing)? the\b|\b(?:largest|highest|biggest|major|leading) (?:market )?(?:share|segment|region|revenue)|\b(?:fastest|quickest|most rapidly)[- ]|\bgrow(?:s|ing)? (?:the )?fastest|\bhighest (?:growth|CAGR)|\bfaster[- ]growing|^\s*(?:largest|dominant|leading|biggest)\s+[a-z -]{0,30}:/i;
