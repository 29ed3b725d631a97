import json
P = []
def add(id, text, quotes, terms=()):
    P.append({"id": id, "text": text, "quotes": [dict(zip(["text","speaker","cue","side","kind"], q)) for q in quotes], "terms": list(terms)})

add("p01-quote-cue-speaker",
 "“We will not accept any interference in our internal affairs,” Foreign Minister Wang Yi said on Monday.",
 [("We will not accept any interference in our internal affairs,", "Wang Yi", "said", None, "direct")])
add("p02-speaker-cue-quote",
 "German Chancellor Olaf Scholz said: “Europe must be able to defend itself without waiting for others.”",
 [("Europe must be able to defend itself without waiting for others.", "Olaf Scholz", "said", "Germany", "direct")])
add("p03-inverted",
 "“The exercises are purely defensive and long planned,” said Rear Admiral Karl Thomas, commander of the Seventh Fleet.",
 [("The exercises are purely defensive and long planned,", "Karl Thomas", "said", None, "direct")])
add("p04-apposition",
 "Maria Lopez, the mayor of the border town, said the shelter was already full. “We have no beds left for anyone,” Lopez said.",
 [("the shelter was already full", "Maria Lopez", "said", None, "indirect"),
  ("We have no beds left for anyone,", "Maria Lopez", "said", None, "direct")])
add("p05-pronoun",
 "Prime Minister Anthony Albanese arrived in Jakarta on Tuesday for two days of talks. “Indonesia is one of our most important partners,” he said.",
 [("Indonesia is one of our most important partners,", "Anthony Albanese", "said", None, "direct")])
add("p06-two-candidates-pronoun",
 "Senator Mark Hill met Governor Dan Price at the airport. Hill later spoke to reporters. “The state needs federal help now,” he said.",
 [("The state needs federal help now,", "Mark Hill", "said", None, "direct")])
add("p07-she-vs-he",
 "Finance Minister Ruth Adler and her deputy, Tom Baines, presented the budget. Baines answered most questions. “We kept every promise we made,” she said.",
 [("We kept every promise we made,", "Ruth Adler", "said", None, "direct")])
add("p08-split-quote",
 "“This is a difficult moment,” the governor said, “but we have been through worse and we will recover.”",
 [("This is a difficult moment,", "governor", "said", None, "direct"),
  ("but we have been through worse and we will recover.", "governor", "said", None, "direct")])
add("p09-continuation",
 "“The vaccine is safe and it works,” said Dr. Helen Park, the country’s chief medical officer.\n“We have the data from millions of doses. There is simply no reason to wait any longer.”",
 [("The vaccine is safe and it works,", "Helen Park", "said", None, "direct"),
  ("We have the data from millions of doses. There is simply no reason to wait any longer.", "Helen Park", None, None, "direct")])
add("p10-colon-previous-sentence",
 "The ministry issued a brief statement late on Friday:\n“The reports about troop movements near the border are false and irresponsible.”",
 [("The reports about troop movements near the border are false and irresponsible.", "ministry", "issued", None, "direct")])
add("p11-according-to-outlet",
 "The two leaders will meet in Geneva next month, according to Reuters. The talks “could last several days and cover arms control,” according to the Kyodo news agency.",
 [("The two leaders will meet in Geneva next month", "Reuters", "according to", None, "indirect"),
  ("could last several days and cover arms control,", "Kyodo", "according to", "Japan", "mixed")])
add("p12-told-outlet",
 "“We are ready to talk, but not under pressure,” Iranian Foreign Minister Abbas Araghchi told the Financial Times.",
 [("We are ready to talk, but not under pressure,", "Abbas Araghchi", "told", "Iran", "direct")])
add("p13-stated-that",
 "The company’s chief executive, Laura Chen, stated that “our results show a strong recovery in every region.”",
 [("our results show a strong recovery in every region.", "Laura Chen", "stated", None, "mixed")])
add("p14-definite-description",
 "U.S. Defense Secretary Pete Hegseth visited Manila on Friday. Speaking to troops, the defense secretary said, “Our commitment to the Philippines is ironclad.”",
 [("Our commitment to the Philippines is ironclad.", "Pete Hegseth", "said", "United States", "direct")])
add("p15-ministry-speaker",
 "China’s Foreign Ministry on Thursday rejected the accusations. “These claims are groundless and smear China,” the ministry said in a statement.",
 [("the accusations", "Foreign Ministry", "rejected", "China", "indirect"),
  ("These claims are groundless and smear China,", "Foreign Ministry", "said", "China", "direct")])
add("p16-editorial",
 "An editorial in the Global Times on Sunday said Washington was “playing with fire” over Taiwan. The editorial warned that “any provocation will be met with a firm response.”",
 [("Washington was “playing with fire” over Taiwan", "Global Times", "said", "China", "indirect"),
  ("any provocation will be met with a firm response.", "Global Times", "warned", "China", "mixed")],
 ["playing with fire"])
add("p17-forward-description",
 "A senior European diplomat warned that the deal could collapse within weeks. Josep Borrell, the EU’s foreign policy chief, later told reporters that talks would continue.",
 [("the deal could collapse within weeks", "Josep Borrell", "warned", "European Union", "indirect"),
  ("talks would continue", "Josep Borrell", "told", "European Union", "indirect")])
add("p18-term-unattributed",
 "Critics have called the plan a “Trojan horse” for foreign influence, while supporters describe it as a “fresh start” for the region.",
 [], ["Trojan horse", "fresh start"])
add("p19-accused-of",
 "Russia accused Ukraine of attacking a power station in the Kursk region overnight.",
 [("Ukraine of attacking a power station in the Kursk region overnight", "Russia", "accused", "Russia", "indirect")])
add("p20-denied",
 "The White House denied that the president had been briefed on the operation in advance.",
 [("the president had been briefed on the operation in advance", "White House", "denied", "United States", "indirect")])
add("p21-argued-that",
 "Economist Sarah Klein argued that higher interest rates would hurt small businesses most.",
 [("higher interest rates would hurt small businesses most", "Sarah Klein", "argued", None, "indirect")])
add("p22-proposed",
 "French President Emmanuel Macron proposed that Europe build its own air defence shield.",
 [("Europe build its own air defence shield", "Emmanuel Macron", "proposed", "France", "indirect")])
add("p23-according-to-leading",
 "According to the Pentagon, more than 3,000 troops will take part in the drills.",
 [("more than 3,000 troops will take part in the drills", "Pentagon", "according to", "United States", "indirect")])
add("p24-capital-metonym",
 "Beijing has repeatedly warned that Taiwan is a red line. Tokyo said it would raise the issue at the summit.",
 [("Taiwan is a red line", "Beijing", "warned", "China", "indirect"),
  ("it would raise the issue at the summit", "Tokyo", "said", "Japan", "indirect")])
add("p25-cue-next-sentence",
 "“We will rebuild every house that was lost.” Governor Gavin Newsom made the promise while touring the burned neighbourhood.",
 [("We will rebuild every house that was lost.", "Gavin Newsom", "made", None, "direct")])
add("p26-nested-quotes",
 "“When they call us ‘a threat to peace’, they ignore their own bases around us,” said Maj. Gen. Li Wei, a defense ministry spokesman.",
 [("When they call us ‘a threat to peace’, they ignore their own bases around us,", "Li Wei", "said", None, "direct")],
 ["a threat to peace"])
add("p27-missing-opening-mark",
 "Nobody wants a war in this region, but we will defend our islands,” Defense Minister Gen Nakatani said.",
 [("Nobody wants a war in this region, but we will defend our islands,", "Gen Nakatani", "said", None, "direct")])
add("p28-organization-speaker",
 "NATO said in a statement that allied jets had intercepted two Russian bombers over the Baltic Sea.",
 [("allied jets had intercepted two Russian bombers over the Baltic Sea", "NATO", "said", "NATO", "indirect")])
add("p29-media-speaker",
 "The Yomiuri Shimbun reported that the government was considering a larger defense budget. “The cabinet will decide by December,” the paper said.",
 [("The cabinet will decide by December,", "Yomiuri Shimbun", "said", "Japan", "direct")])
add("p30-titles-out-of-name",
 "“Our forces remain on high alert,” said Lt. Gen. Kim Myung-soo, chairman of the Joint Chiefs of Staff. Kim spoke after the missile launch.",
 [("Our forces remain on high alert,", "Kim Myung-soo", "said", None, "direct")])
add("p31-alias-surname",
 "Secretary of State Marco Rubio arrived in Riyadh late on Monday. “The goal is a lasting peace,” Rubio told reporters.",
 [("The goal is a lasting peace,", "Marco Rubio", "told", None, "direct")])
add("p32-they-organization",
 "The union rejected the offer on Wednesday. “It does not even cover inflation,” they said.",
 [("the offer on Wednesday", "union", "rejected", None, "indirect"),
  ("It does not even cover inflation,", "union", "said", None, "direct")])
add("p33-warned",
 "The World Health Organization warned that the outbreak could spread to neighbouring countries within weeks.",
 [("the outbreak could spread to neighbouring countries within weeks", "World Health Organization", "warned", None, "indirect")])
add("p34-rebuffed-calls",
 "The prime minister has rebuffed calls for an early election, saying the government still has work to do.",
 [("calls for an early election, saying the government still has work to do", "prime minister", "rebuffed", None, "indirect")])
add("p35-said-no-that",
 "Police Chief Ana Ruiz said two officers were injured during the protest.",
 [("two officers were injured during the protest", "Ana Ruiz", "said", None, "indirect")])
add("p36-quote-then-speaker-apposition",
 "“The ceasefire is holding for now,” Jan Egeland, head of the Norwegian Refugee Council, said on Saturday.",
 [("The ceasefire is holding for now,", "Jan Egeland", "said", None, "direct")])
add("p37-two-speakers-alternate",
 "“Prices will fall next year,” said central bank governor Andrew Bailey. Chancellor Rachel Reeves was more cautious. “Nobody can promise that,” she said.",
 [("Prices will fall next year,", "Andrew Bailey", "said", None, "direct"),
  ("Nobody can promise that,", "Rachel Reeves", "said", None, "direct")])
add("p38-asked",
 "Reporters asked Prime Minister Mark Carney whether Canada would retaliate. “Everything is on the table,” Carney said.",
 [("Canada would retaliate", "Reporters", "asked", None, "indirect"),
  ("Everything is on the table,", "Mark Carney", "said", "Canada", "direct")])
add("p39-wrote",
 "In a post on social media, Senator Elizabeth Warren wrote: “This merger will raise prices for every family in America.”",
 [("This merger will raise prices for every family in America.", "Elizabeth Warren", "wrote", None, "direct")])
add("p40-revealed",
 "The Dutch intelligence service revealed that hackers had targeted the port of Rotterdam for months.",
 [("hackers had targeted the port of Rotterdam for months", "Dutch intelligence service", "revealed", "Netherlands", "indirect")])
add("p41-term-in-quote-sentence",
 "The opposition called the bill a “power grab” and vowed to challenge it in court.",
 [("to challenge it in court", "opposition", "vowed", None, "indirect")], ["power grab"])
add("p42-spokesperson-inverted",
 "“We firmly oppose any official contact with Taiwan,” said Mao Ning, a spokeswoman for the Chinese Foreign Ministry.",
 [("We firmly oppose any official contact with Taiwan,", "Mao Ning", "said", "China", "direct")])
add("p43-paragraph-continuation-pronoun",
 "Ukrainian President Volodymyr Zelensky addressed parliament on Tuesday.\n“We need air defense, not promises,” he said. “Every day of delay costs lives.”",
 [("We need air defense, not promises,", "Volodymyr Zelensky", "said", "Ukraine", "direct"),
  ("Every day of delay costs lives.", "Volodymyr Zelensky", None, "Ukraine", "direct")])
add("p44-caption-skipped",
 "Kenyan runner Faith Kipyegon celebrates after the race. (AP Photo/John Smith)\n“I trained for this moment for four years,” Kipyegon said after winning gold.",
 [("I trained for this moment for four years,", "Faith Kipyegon", "said", None, "direct")])
add("p45-with-saying",
 "Protesters marched through the capital, with organiser Tom Reyes saying: “We will be back every week until they listen.”",
 [("We will be back every week until they listen.", "Tom Reyes", "saying", None, "direct")])
add("p46-denies-possessive-side",
 "Israel’s military denied striking the hospital. “Our forces were not operating in that area,” a military spokesperson said.",
 [("striking the hospital", "military", "denied", "Israel", "indirect"),
  ("Our forces were not operating in that area,", "military spokesperson", "said", None, "direct")])
add("p47-added",
 "“We are not there yet,” the envoy said. He added that a deal was possible before the end of the year.",
 [("We are not there yet,", "envoy", "said", None, "direct"),
  ("a deal was possible before the end of the year", "envoy", "added", None, "indirect")])
with open("passages.jsonl", "w") as f:
    for p in P:
        for q in p["quotes"]:
            assert q["text"] in p["text"], (p["id"], q["text"])
        for t in p["terms"]:
            assert t in p["text"], (p["id"], t)
        f.write(json.dumps(p, ensure_ascii=False) + "\n")
print(len(P))
