import { generateDemoTerritory } from '@passerelle/shared/demo';
import { demoOffers } from './demo-offers';

describe('the offers slice of the demo territory', () => {
  const territory = generateDemoTerritory('2026-06-30', 3000);
  const offers = demoOffers(territory);

  it('is deterministic: the same territory gives the same rows', () => {
    expect(demoOffers(generateDemoTerritory('2026-06-30', 3000))).toEqual(offers);
  });

  it('takes every landlord, reservation holder, dwelling, vacancy and candidacy, keeping their ids', () => {
    expect(offers.landlords.map((row) => row.id)).toEqual(territory.landlords.map((landlord) => landlord.id));
    expect(offers.reservationHolders).toHaveLength(territory.reservationHolders.length);
    expect(offers.dwellings).toHaveLength(territory.dwellings.length);
    expect(offers.vacancies.map((row) => row.id)).toEqual(territory.vacancies.map((vacancy) => vacancy.id));
    expect(offers.proposals.map((row) => row.id)).toEqual(territory.candidacies.map((candidacy) => candidacy.id));
    expect(offers.transitions).toHaveLength(territory.vacancies.reduce((n, v) => n + v.transitions.length, 0));
  });

  it('keeps each vacancy status equal to its latest transition, and dates every signed lease', () => {
    for (const vacancy of offers.vacancies) {
      const own = offers.transitions.filter((transition) => transition.vacancyId === vacancy.id);
      expect(own[0]?.status).toBe('VACATED');
      expect(own.at(-1)?.status).toBe(vacancy.status);
      expect(vacancy.leaseSignedOn !== null).toBe(vacancy.status === 'LEASE_SIGNED');
      expect(vacancy.tenantDemandId !== null).toBe(vacancy.status === 'LEASE_SIGNED');
    }
  });

  it('gives the tenant of every signed lease a LEASE_SIGNED proposal on that vacancy', () => {
    for (const vacancy of offers.vacancies.filter((v) => v.tenantDemandId !== null)) {
      const proposal = offers.proposals.find(
        (p) => p.vacancyId === vacancy.id && p.demandId === vacancy.tenantDemandId,
      );
      expect(proposal?.outcome).toBe('LEASE_SIGNED');
      expect(proposal?.outcomeOn).toBe(vacancy.leaseSignedOn);
    }
  });

  it('has a motive for every refusal and none otherwise', () => {
    for (const proposal of offers.proposals) {
      expect(proposal.refusalMotive !== null).toBe(proposal.outcome === 'REFUSED');
    }
  });
});
